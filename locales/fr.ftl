## hosted-checkout : textes des pages de commande (français). Mêmes messages et variables que en.ftl.

## Cadre de page (base.html)

page-title = { $title } · { $seller }
skip-link = Aller au contenu
preview-label = Aperçu
preview-text = Ceci est un aperçu destiné au vendeur. Rien de ce que vous faites ici ne crée ni ne modifie d’abonnement.
logo-alt = Logo de { $seller }
footer = Paiement sécurisé pour { $seller }. Les prix sont indiqués dans la devise de l’offre.
language-label = Langue
language-submit = Changer de langue
date-range = { $start } – { $end }

## Étapes

steps-label = Étapes de la commande
step-plan = Offre
step-details = Coordonnées
step-review = Vérification

## Formulaires

error-summary-heading = Veuillez vérifier le formulaire
field-required = (obligatoire)
field-error-item = { $label } : { $message }

## Prix en toutes lettres

price-per-period = { $price } / { $period ->
    [P3M] trimestre
    [P6M] 6 mois
    [P1Y] an
   *[P1M] mois
}
price-one-time = { $price } en paiement unique
price-usage = { $price } / { $period ->
    [P3M] trimestre
    [P6M] 6 mois
    [P1Y] an
   *[P1M] mois
}, facturé à l’usage
price-per-unit = { $price } par { $unit }
price-graduated = Prix progressif par { $unit }
price-volume = Prix au volume par { $unit }
price-package = { $price } par { $size } { $unit }
price-stepped = Prix forfaitaire par paliers
unit-default = unité
tier-per-unit = { $price } par { $unit }
tier-flat = { $price } au forfait
tier-join = { $first } + { $second }

## Étape : offre

plan-heading-new = Choisissez votre offre
plan-heading-change = Changez d’offre
plan-intro-change = Comparez votre offre actuelle avec la nouvelle.
plan-heading-quantity = Modifiez votre abonnement
plan-intro-quantity = Ajustez les quantités et les options ; le coût vous sera indiqué avant toute modification.
current-plan-heading = Votre offre actuelle : { $plan }
choose-plan = Choisissez une offre
plan-legend = Offre
billed-every = Facturation { $period ->
    [P3M] trimestrielle
    [P6M] semestrielle
    [P1Y] annuelle
   *[P1M] mensuelle
}.
add-item = Ajouter { $item }
item-now = Actuellement : { $current }
item-fallback-name = Article
item-on-current-plan = { $quantity } dans votre offre actuelle
item-off-current-plan = non inclus dans votre offre actuelle
item-quantity-now = { $quantity } à ce jour
item-off-now = non inclus à ce jour
item-off = non inclus
item-times = { $quantity } × { $price }
tiers-caption = Paliers de prix pour { $item }
tiers-quantity = Quantité
tiers-price = Prix
quantity-label = Quantité
quantity-range = ({ $min }–{ $max })
quantity-fixed = Quantité : { $quantity }
plan-continue = Continuer
summary-heading = Récapitulatif de la commande
summary-due-today = Facturé aujourd’hui
summary-no-renewal = Le contrat prend fin avant son renouvellement.
summary-update = Mettre à jour le total
summary-unavailable = Le total s’affiche dès que toutes les quantités sont valides.

## Étape : coordonnées

details-heading = Vos coordonnées
details-lead = Nous les utilisons pour créer votre abonnement et vous envoyer vos factures.
details-continue = Continuer vers la vérification
label-customer-name = Nom complet
label-email = E-mail
label-company-name = Entreprise
label-tax-id = Numéro d’identification fiscale
label-address-line1 = Adresse (ligne 1)
label-address-line2 = Adresse (ligne 2)
label-address-city = Ville
label-address-state = État / région
label-address-postal-code = Code postal
label-address-country = Pays (code à 2 lettres, p. ex. FR)

## Étape : vérification

review-heading-new = Vérifiez et abonnez-vous
review-heading-change = Vérifiez votre changement d’offre
review-heading-quantity = Vérifiez vos modifications
review-change-from-to = De { $from } à { $to }
confirm-new = Confirmer et s’abonner
confirm-change = Confirmer le changement
confirm-quantity = Confirmer les modifications
subscription-fallback-name = Abonnement
dates-fixed = Du { $start } au { $end }
dates-open = Commence le { $start }, se renouvelle { $period ->
    [P3M] chaque trimestre
    [P6M] tous les 6 mois
    [P1Y] chaque année
   *[P1M] chaque mois
} jusqu’à résiliation
dates-change = Changement effectif le { $date }
billing-in-advance = Facturé d’avance { $period ->
    [P3M] chaque trimestre
    [P6M] tous les 6 mois
    [P1Y] chaque année
   *[P1M] chaque mois
}. Prix en { $currency }.
change-takes-effect = Le changement prend effet le { $date }.
line-times = { $name } × { $quantity }
billed-to = Facturé à
no-next-invoice = Aucune autre facture : le contrat prend fin avant la prochaine période.
estimate-changed = Le prix a changé depuis votre dernière consultation. Veuillez vérifier l’estimation mise à jour avant de confirmer.
invoiced-today = Montant facturé aujourd’hui : { $amount }
nothing-invoiced-today = Rien n’est facturé aujourd’hui.
then-recurring = Puis { $amount } { $period ->
    [P3M] par trimestre
    [P6M] tous les 6 mois
    [P1Y] par an
   *[P1M] par mois
} à partir du { $date }.
promotion-heading = Code promotionnel
promotion-applied = Code { $code } appliqué.
promotion-remove = Retirer le code
promotion-ask = Vous avez un code promotionnel ?
promotion-another = Utiliser un autre code
promotion-apply = Appliquer
cancel = Annuler

## Factures

invoice-first = Première facture
invoice-now = Facture immédiate
invoice-next = Prochaine facture
invoice-lines-caption = { $heading } : lignes de facture
invoice-item = Article
invoice-qty = Qté
invoice-unit-price = Prix unitaire
invoice-amount = Montant
invoice-empty = Rien n’est facturé pour cette période.
invoice-subtotal = Sous-total
invoice-tax = Taxe ({ $rate } %)
invoice-total = Total
invoice-amount-due = Montant dû

## Pages d’état

status-preview-heading = Aperçu terminé
status-preview-text = Tout est en ordre. Comme il s’agissait d’un aperçu, aucun abonnement n’a été créé ni modifié.
status-done-heading = C’est terminé
status-done-new = Votre abonnement est confirmé. Vous pouvez fermer cette page.
status-done-changed = Votre abonnement a été mis à jour.
status-cancelled-heading = Commande annulée
status-cancelled-text = Rien n’a été facturé et rien n’a changé.
status-expired-heading = Cette commande a expiré
status-expired-text = Le lien n’est plus valide. Veuillez en demander un nouveau au vendeur.
status-open-heading = Commande en cours
status-open-text = Cette commande est toujours ouverte.
status-continue = Reprendre la commande

## Page d’erreur

error-not-found-heading = Commande introuvable
error-not-found-text = Ce lien de commande n’est pas valide. Veuillez demander un nouveau lien au vendeur.
error-link-gone-heading = Ce lien n’est plus actif
error-link-gone-text = Le vendeur a désactivé ce lien de paiement. Demandez-lui un nouveau lien.
error-forbidden-heading = Votre session a expiré
error-forbidden-text = Pour votre sécurité, ce formulaire n’a pas pu être envoyé. Revenez en arrière, rechargez la page et réessayez.
error-unavailable-heading = Nous revenons tout de suite
error-unavailable-text = La page de commande est momentanément indisponible. Veuillez réessayer dans un instant.
error-conflict-heading = Impossible de poursuivre cette commande
error-too-many-heading = Trop de tentatives
error-too-many-text = Veuillez patienter un instant, puis revenir en arrière et réessayer. Rien n’a été facturé.
error-invalid-heading = Quelque chose ne va pas
error-other-heading = Une erreur s’est produite
error-other-text = Nous n’avons pas pu terminer cette étape. Rien n’a été facturé. Veuillez réessayer.
error-reference = Référence :
error-fallback-seller = Commande

## Ce que dit l’estimation (le moteur fournit les faits ; voici ses formulations)
## $item est l’article de la ligne (line-counted si une quantité est affichée) ; $range une période ; $date une
## date ; $amount un montant ; $days et $period-days sont des nombres de jours (règles de pluriel).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days ->
    [one] { $days } jour
   *[other] { $days } jours
} sur { $period-days })
line-one-time = { $item }, paiement unique
line-trial = { $item }, essai gratuit, { $range }
line-usage = { $item }, { $range }, facturé en fin de période selon votre utilisation
line-proration-credit = Temps non utilisé sur { $item }, { $range }
line-proration-charge = Temps restant sur { $item }, { $range }
line-credit-name = Crédit
line-credit = Crédit issu de votre modification du { $date }
line-discount-given-back = { $discount }, dont le montant a déjà été déduit du temps non utilisé

## Réductions : $discount est discount-label ; $value est discount-percent-off ou discount-amount-off ;
## $percent est un nombre formaté ; $months et $years sont des nombres.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent } % de réduction
discount-amount-off = { $amount } de réduction
discount-once = { $value } { $period ->
    [P3M] sur le premier trimestre
    [P6M] sur les 6 premiers mois
    [P1Y] sur la première année
   *[P1M] sur le premier mois
}, puis { $amount } { $period ->
    [P3M] par trimestre
    [P6M] tous les 6 mois
    [P1Y] par an
   *[P1M] par mois
}.
discount-months = { $value } pendant { $months ->
    [one] { $months } mois
   *[other] { $months } mois
}, puis { $amount } { $period ->
    [P3M] par trimestre
    [P6M] tous les 6 mois
    [P1Y] par an
   *[P1M] par mois
}.
discount-years = { $value } pendant { $years ->
    [one] { $years } an
   *[other] { $years } ans
}, puis { $amount } { $period ->
    [P3M] par trimestre
    [P6M] tous les 6 mois
    [P1Y] par an
   *[P1M] par mois
}.
discount-forever = { $value } { $period ->
    [P3M] chaque trimestre
    [P6M] tous les 6 mois
    [P1Y] chaque année
   *[P1M] chaque mois
}.

## Remarques sous une facture

note-usage = L’utilisation est facturée à la fin de chaque période selon votre consommation ; elle apparaît ici à 0.
note-credit-later = Un crédit de { $amount } (hors taxes) reste sur votre compte pour vos prochaines factures.
note-credit-next = Rien à payer pour le moment. Votre crédit de { $amount } (hors taxes) sera utilisé sur votre prochaine facture.
note-credit-kept = Rien à payer pour le moment. Votre crédit de { $amount } (hors taxes) reste sur votre compte.
note-ends-in-period = Votre contrat prend fin le { $date } : cette période est donc facturée pour { $days ->
    [one] { $days } jour
   *[other] { $days } jours
} sur { $period-days }.
note-trial-until = Essai gratuit jusqu’au { $date }.
note-first-payment = Votre premier paiement de { $amount } aura lieu le { $date }.
note-ends-in-trial = Votre contrat prend fin pendant l’essai gratuit : rien n’est donc facturé.
note-rest-covered = Les crédits et les frais couvrent le reste de cette période : { $range } ({ $days ->
    [one] { $days } jour
   *[other] { $days } jours
} sur { $period-days }).
note-rest-credited = Le temps non utilisé de votre offre actuelle vous est crédité : { $range } ({ $days ->
    [one] { $days } jour
   *[other] { $days } jours
} sur { $period-days }).
note-change-later = Rien ne change avant le { $date }, date à laquelle le changement prend effet.
note-ends-before-change = Votre contrat prend fin avant que le changement ne prenne effet.
note-change-unprorated = Le changement s’applique à partir du { $date } ; rien n’est facturé ni crédité pour la période { $range }.
note-discount-replaced = À partir du { $date }, { $new } remplace votre réduction { $old }.
note-discount-stays-until = Votre réduction { $discount } reste appliquée jusqu’au { $date }.
note-discount-stays = Votre réduction { $discount } reste appliquée.
note-trial-change = Vous êtes en essai gratuit jusqu’au { $date } : rien n’est donc facturé ni crédité pour ce changement pour le moment.
note-discount-refused = { $discount } ne peut pas être utilisé : { $reason }.

## Effet d’un changement d’offre : une phrase pour maintenant, une pour plus tard, puis ce qu’il remplace

change-trial = Le changement s’applique pendant votre essai gratuit : rien n’est donc facturé maintenant.
change-pay-rest = Vous payez { $amount } maintenant pour le reste de cette période ({ $range }).
change-credit-next-rest = Vous recevez un crédit de { $amount }, utilisé sur votre prochaine facture, pour le reste de cette période ({ $range }).
change-credit-kept-rest = Vous recevez un crédit de { $amount }, conservé sur votre compte, pour le reste de cette période ({ $range }).
change-nothing-rest = Rien n’est facturé maintenant pour le reste de cette période ({ $range }).
change-pay-restart = Vous payez { $amount } maintenant pour une nouvelle période de facturation commençant le { $date }, déduction faite de la partie non utilisée de votre période actuelle.
change-credit-next-restart = Vous recevez un crédit de { $amount }, utilisé sur votre prochaine facture, pour une nouvelle période de facturation commençant le { $date }, déduction faite de la partie non utilisée de votre période actuelle.
change-credit-kept-restart = Vous recevez un crédit de { $amount }, conservé sur votre compte, pour une nouvelle période de facturation commençant le { $date }, déduction faite de la partie non utilisée de votre période actuelle.
change-nothing-restart = Rien n’est facturé maintenant pour une nouvelle période de facturation commençant le { $date }, déduction faite de la partie non utilisée de votre période actuelle.
change-stays-until = Vos conditions actuelles restent en vigueur jusqu’au { $date }.
change-applies-from = Le changement s’applique à partir du { $date }, sans frais ni crédit pour le reste de cette période.
change-then = À partir du { $date }, vous payez { $amount } { $period ->
    [P3M] par trimestre
    [P6M] tous les 6 mois
    [P1Y] par an
   *[P1M] par mois
}.
change-then-tax = À partir du { $date }, vous payez { $amount } { $period ->
    [P3M] par trimestre
    [P6M] tous les 6 mois
    [P1Y] par an
   *[P1M] par mois
} toutes taxes comprises.
change-then-usage = À partir du { $date }, vous payez { $amount } { $period ->
    [P3M] par trimestre
    [P6M] tous les 6 mois
    [P1Y] par an
   *[P1M] par mois
}, plus les frais liés à l’utilisation.
change-then-tax-usage = À partir du { $date }, vous payez { $amount } { $period ->
    [P3M] par trimestre
    [P6M] tous les 6 mois
    [P1Y] par an
   *[P1M] par mois
} toutes taxes comprises, plus les frais liés à l’utilisation.
change-ends = Votre contrat prend fin le { $date }.
change-ends-before-change = Votre contrat prend fin le { $date }, avant que le changement ne prenne effet.
change-replaces-switch = Ceci remplace votre passage à l’offre { $plan } prévu le { $date }.
change-replaces = Ceci remplace votre changement prévu le { $date }.

## Ce qui ne va pas dans un champ rempli par le client ($max est un nombre)

problem-required = est obligatoire
problem-too-long = ne doit pas dépasser { $max ->
    [one] { $max } caractère
   *[other] { $max } caractères
}
problem-control-characters = ne doit pas contenir de caractères de contrôle
problem-email = saisissez une adresse e-mail valide, p. ex. nom@example.com
problem-country = doit être un code pays ISO 3166 à deux lettres, p. ex. US ou FR
problem-not-offered = choisissez l’une des offres proposées
problem-quantity = saisissez un nombre entier dans la plage autorisée

## Pourquoi un code promotionnel ne peut pas être utilisé ($amount est un montant, $currency un code ISO comme EUR)

code-unknown = ce code n’est pas valide
code-expired = ce code a expiré
code-used-up = ce code a atteint sa limite d’utilisation
code-inactive = ce code n’est plus actif
code-not-for-plan = ce code ne s’applique pas à cette offre
code-minimum = ce code nécessite une commande d’au moins { $amount }
code-first-purchase = ce code est réservé à un premier achat
code-currency = ce code est en { $currency }, mais la commande est dans une autre devise
