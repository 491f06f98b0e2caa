## hosted-checkout: textos das páginas de checkout (português do Brasil). Mesmas mensagens e variáveis de en.ftl.

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = Ir para o conteúdo
preview-label = Pré-visualização
preview-text = Esta é uma pré-visualização para o vendedor. Nada do que você fizer aqui cria ou altera uma assinatura.
logo-alt = Logotipo de { $seller }
footer = Checkout seguro de { $seller }. Os preços estão na moeda do plano.
language-label = Idioma
language-submit = Alterar idioma
date-range = { $start } – { $end }

## Steps

steps-label = Etapas do checkout
step-plan = Plano
step-details = Dados
step-review = Revisão

## Forms

error-summary-heading = Verifique o formulário
field-required = (obrigatório)
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price } / { $period ->
    [P3M] trimestre
    [P6M] 6 meses
    [P1Y] ano
   *[P1M] mês
}
price-one-time = { $price } (pagamento único)
price-usage = { $price } / { $period ->
    [P3M] trimestre
    [P6M] 6 meses
    [P1Y] ano
   *[P1M] mês
}, cobrado conforme o uso
price-per-unit = { $price } por { $unit }
price-graduated = Preço escalonado por { $unit }
price-volume = Preço de volume por { $unit }
price-package = { $price } por { $size } { $unit }
price-stepped = Preço fixo por faixa
unit-default = unidade
tier-per-unit = { $price } por { $unit }
tier-flat = { $price } fixo
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = Escolha seu plano
plan-heading-change = Altere seu plano
plan-intro-change = Compare seu plano atual com o novo.
plan-heading-quantity = Atualize sua assinatura
plan-intro-quantity = Ajuste quantidades e complementos; você verá o custo antes de qualquer alteração.
current-plan-heading = Seu plano atual: { $plan }
choose-plan = Escolha um plano
plan-legend = Plano
billed-every = Cobrança { $period ->
    [P3M] trimestral
    [P6M] semestral
    [P1Y] anual
   *[P1M] mensal
}.
add-item = Adicionar { $item }
item-now = Agora: { $current }
item-fallback-name = Item
item-on-current-plan = { $quantity } no seu plano atual
item-off-current-plan = desativado no seu plano atual
item-quantity-now = { $quantity } agora
item-off-now = desativado agora
item-off = desativado
item-times = { $quantity } × { $price }
tiers-caption = Faixas de preço de { $item }
tiers-quantity = Quantidade
tiers-price = Preço
quantity-label = Quantidade
quantity-range = ({ $min }–{ $max })
quantity-fixed = Quantidade: { $quantity }
plan-continue = Continuar
summary-heading = Resumo do pedido
summary-due-today = Faturado hoje
summary-no-renewal = O contrato termina antes da renovação.
summary-update = Atualizar total
summary-unavailable = O total aparece quando todas as quantidades forem válidas.

## Details step

details-heading = Seus dados
details-lead = Usamos esses dados para configurar sua assinatura e enviar suas faturas.
details-continue = Continuar para a revisão
label-customer-name = Nome completo
label-email = E-mail
label-company-name = Empresa
label-tax-id = CPF/CNPJ
label-address-line1 = Endereço (linha 1)
label-address-line2 = Endereço (linha 2)
label-address-city = Cidade
label-address-state = Estado / região
label-address-postal-code = CEP
label-address-country = País (código de 2 letras, ex.: BR)

## Review step

review-heading-new = Revise e assine
review-heading-change = Revise a alteração do plano
review-heading-quantity = Revise suas alterações
review-change-from-to = De { $from } para { $to }
confirm-new = Confirmar e assinar
confirm-change = Confirmar alteração
confirm-quantity = Confirmar alterações
subscription-fallback-name = Assinatura
dates-fixed = De { $start } a { $end }
dates-open = Começa em { $start } e é renovada { $period ->
    [P3M] a cada trimestre
    [P6M] a cada 6 meses
    [P1Y] a cada ano
   *[P1M] a cada mês
} até o cancelamento
dates-change = Alteração válida a partir de { $date }
billing-in-advance = Cobrança { $period ->
    [P3M] trimestral
    [P6M] semestral
    [P1Y] anual
   *[P1M] mensal
} antecipada. Preços em { $currency }.
change-takes-effect = A alteração entra em vigor em { $date }.
line-times = { $name } × { $quantity }
billed-to = Faturar para
no-next-invoice = Nenhuma outra fatura: o contrato termina antes do próximo período.
estimate-changed = O preço mudou desde a última vez que você o viu. Revise a estimativa atualizada antes de confirmar.
invoiced-today = Hoje você receberá uma fatura de { $amount }.
nothing-invoiced-today = Nada será faturado hoje.
then-recurring = Depois, { $amount } { $period ->
    [P3M] por trimestre
    [P6M] a cada 6 meses
    [P1Y] por ano
   *[P1M] por mês
} a partir de { $date }.
promotion-heading = Código promocional
promotion-applied = Código { $code } aplicado.
promotion-remove = Remover código
promotion-ask = Tem um código promocional?
promotion-another = Usar outro código
promotion-apply = Aplicar
cancel = Cancelar

## Invoices

invoice-first = Primeira fatura
invoice-now = Fatura agora
invoice-next = Próxima fatura
invoice-lines-caption = { $heading }: itens
invoice-item = Item
invoice-qty = Qtd.
invoice-unit-price = Preço unitário
invoice-amount = Valor
invoice-empty = Nada é cobrado neste período.
invoice-subtotal = Subtotal
invoice-tax = Imposto ({ $rate }%)
invoice-total = Total
invoice-amount-due = Valor devido

## Status pages

status-preview-heading = Pré-visualização concluída
status-preview-text = Tudo certo. Como era uma pré-visualização, nenhuma assinatura foi criada ou alterada.
status-done-heading = Tudo pronto
status-done-new = Sua assinatura foi confirmada. Você já pode fechar esta página.
status-done-changed = Sua assinatura foi atualizada.
status-cancelled-heading = Checkout cancelado
status-cancelled-text = Nada foi cobrado e nada foi alterado.
status-expired-heading = Este checkout expirou
status-expired-text = O link não é mais válido. Peça um novo ao vendedor.
status-open-heading = Checkout em andamento
status-open-text = Este checkout ainda está aberto.
status-continue = Continuar o checkout

## Error page

error-not-found-heading = Checkout não encontrado
error-not-found-text = Este link de checkout não é válido. Peça um novo link ao vendedor.
error-link-gone-heading = Este link não está mais ativo
error-link-gone-text = O vendedor desativou este link de pagamento. Peça um novo link a ele.
error-forbidden-heading = Sua sessão expirou
error-forbidden-text = Para sua segurança, não foi possível enviar este formulário. Volte, recarregue a página e tente novamente.
error-unavailable-heading = Voltamos já
error-unavailable-text = O checkout está temporariamente indisponível. Tente novamente em instantes.
error-conflict-heading = Não é possível continuar este checkout
error-too-many-heading = Muitas tentativas
error-too-many-text = Aguarde um momento, volte e tente novamente. Nada foi cobrado.
error-invalid-heading = Algo não está certo
error-other-heading = Algo deu errado
error-other-text = Não foi possível concluir esta etapa. Nada foi cobrado. Tente novamente.
error-reference = Referência:
error-fallback-seller = Checkout

## O que a estimativa diz (o motor fornece os fatos; estas são as palavras)
## $item é o item da linha (line-counted quando há quantidade); $range um intervalo de datas; $date uma
## data; $amount um valor; $days e $period-days são números de dias (aplicam-se as regras de plural).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days } de { $period-days } { $period-days ->
    [one] dia
   *[other] dias
})
line-one-time = { $item }, cobrança única
line-trial = { $item }, teste gratuito, { $range }
line-usage = { $item }, { $range }, cobrado no fim do período conforme o uso
line-proration-credit = Tempo não utilizado de { $item }, { $range }
line-proration-charge = Tempo restante de { $item }, { $range }
line-credit-name = Crédito
line-credit = Crédito referente à sua alteração de { $date }
line-discount-given-back = { $discount }, já descontado do tempo não utilizado

## Descontos: $discount é discount-label; $value é discount-percent-off ou discount-amount-off;
## $percent é um número formatado; $months e $years são números.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent }% de desconto
discount-amount-off = { $amount } de desconto
discount-once = { $value } { $period ->
    [P3M] no primeiro trimestre
    [P6M] nos primeiros 6 meses
    [P1Y] no primeiro ano
   *[P1M] no primeiro mês
}, depois { $amount } { $period ->
    [P3M] por trimestre
    [P6M] a cada 6 meses
    [P1Y] por ano
   *[P1M] por mês
}.
discount-months = { $value } por { $months ->
    [one] 1 mês
   *[other] { $months } meses
}, depois { $amount } { $period ->
    [P3M] por trimestre
    [P6M] a cada 6 meses
    [P1Y] por ano
   *[P1M] por mês
}.
discount-years = { $value } por { $years ->
    [one] 1 ano
   *[other] { $years } anos
}, depois { $amount } { $period ->
    [P3M] por trimestre
    [P6M] a cada 6 meses
    [P1Y] por ano
   *[P1M] por mês
}.
discount-forever = { $value } { $period ->
    [P3M] todo trimestre
    [P6M] a cada 6 meses
    [P1Y] todo ano
   *[P1M] todo mês
}.

## Observações abaixo de uma fatura

note-usage = O uso é cobrado no fim de cada período conforme o consumo; aqui ele aparece como 0.
note-credit-later = Um crédito de { $amount } (sem impostos) fica na sua conta para as próximas faturas.
note-credit-next = Nada a pagar agora. Seu crédito de { $amount } (sem impostos) será usado na sua próxima fatura.
note-credit-kept = Nada a pagar agora. Seu crédito de { $amount } (sem impostos) fica na sua conta.
note-ends-in-period = Seu contrato termina em { $date }, então este período é cobrado por { $days } de { $period-days } { $period-days ->
    [one] dia
   *[other] dias
}.
note-trial-until = Período de teste gratuito até { $date }.
note-first-payment = Seu primeiro pagamento, de { $amount }, será em { $date }.
note-ends-in-trial = Seu contrato termina durante o período de teste gratuito, então nada será cobrado.
note-rest-covered = Créditos e cobranças cobrem o restante deste período, { $range } ({ $days } de { $period-days } { $period-days ->
    [one] dia
   *[other] dias
}).
note-rest-credited = Você recebe crédito pelo tempo não utilizado do seu plano atual, { $range } ({ $days } de { $period-days } { $period-days ->
    [one] dia
   *[other] dias
}).
note-change-later = Nada muda antes de { $date }, quando a alteração entra em vigor.
note-ends-before-change = Seu contrato termina antes de a alteração entrar em vigor.
note-change-unprorated = A alteração vale a partir de { $date }; nada é cobrado nem creditado referente a { $range }.
note-discount-replaced = A partir de { $date }, { $new } substitui seu desconto { $old }.
note-discount-stays-until = Seu desconto { $discount } continua válido até { $date }.
note-discount-stays = Seu desconto { $discount } continua válido.
note-trial-change = Você está em período de teste gratuito até { $date }, então nada é cobrado nem creditado por esta alteração agora.
note-discount-refused = Não é possível usar { $discount }: { $reason }.

## O que uma alteração de plano faz: uma frase para agora, uma para depois e o que ela substitui

change-trial = A alteração vale durante seu período de teste gratuito, então nada é cobrado agora.
change-pay-rest = Você paga { $amount } agora pelo restante deste período ({ $range }).
change-credit-next-rest = Você recebe um crédito de { $amount }, que será usado na sua próxima fatura, pelo restante deste período ({ $range }).
change-credit-kept-rest = Você recebe um crédito de { $amount }, que fica na sua conta, pelo restante deste período ({ $range }).
change-nothing-rest = Nada é cobrado agora pelo restante deste período ({ $range }).
change-pay-restart = Você paga { $amount } agora por um novo período de cobrança a partir de { $date }, descontada a parte não utilizada do seu período atual.
change-credit-next-restart = Você recebe um crédito de { $amount }, que será usado na sua próxima fatura, por um novo período de cobrança a partir de { $date }, descontada a parte não utilizada do seu período atual.
change-credit-kept-restart = Você recebe um crédito de { $amount }, que fica na sua conta, por um novo período de cobrança a partir de { $date }, descontada a parte não utilizada do seu período atual.
change-nothing-restart = Nada é cobrado agora por um novo período de cobrança a partir de { $date }, descontada a parte não utilizada do seu período atual.
change-stays-until = Suas condições atuais continuam válidas até { $date }.
change-applies-from = A alteração vale a partir de { $date }, sem cobrança nem crédito pelo restante deste período.
change-then = A partir de { $date }, você paga { $amount } { $period ->
    [P3M] por trimestre
    [P6M] a cada 6 meses
    [P1Y] por ano
   *[P1M] por mês
}.
change-then-tax = A partir de { $date }, você paga { $amount } { $period ->
    [P3M] por trimestre
    [P6M] a cada 6 meses
    [P1Y] por ano
   *[P1M] por mês
}, impostos inclusos.
change-then-usage = A partir de { $date }, você paga { $amount } { $period ->
    [P3M] por trimestre
    [P6M] a cada 6 meses
    [P1Y] por ano
   *[P1M] por mês
}, mais o uso.
change-then-tax-usage = A partir de { $date }, você paga { $amount } { $period ->
    [P3M] por trimestre
    [P6M] a cada 6 meses
    [P1Y] por ano
   *[P1M] por mês
}, impostos inclusos, mais o uso.
change-ends = Seu contrato termina em { $date }.
change-ends-before-change = Seu contrato termina em { $date }, antes de a alteração entrar em vigor.
change-replaces-switch = Isso substitui sua mudança agendada para o plano { $plan } em { $date }.
change-replaces = Isso substitui sua alteração agendada para { $date }.

## O que há de errado em um campo preenchido pelo cliente ($max é um número)

problem-required = preenchimento obrigatório
problem-too-long = deve ter no máximo { $max } { $max ->
    [one] caractere
   *[other] caracteres
}
problem-control-characters = não pode conter caracteres de controle
problem-email = informe um endereço de e-mail válido, como nome@example.com
problem-country = deve ser um código de país ISO 3166 de duas letras, como BR ou US
problem-not-offered = escolha um dos planos oferecidos
problem-quantity = informe um número inteiro dentro do intervalo permitido

## Por que um código promocional não pode ser usado ($amount é um valor, $currency um código ISO como EUR)

code-unknown = este código não é válido
code-expired = este código expirou
code-used-up = este código já atingiu o limite de usos
code-inactive = este código não está mais ativo
code-not-for-plan = este código não vale para este plano
code-minimum = este código exige um pedido mínimo de { $amount }
code-first-purchase = este código vale apenas para a primeira compra
code-currency = este código é em { $currency }, mas o pedido está em outra moeda
