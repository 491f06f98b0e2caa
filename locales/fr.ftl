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
