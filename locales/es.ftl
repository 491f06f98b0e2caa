## hosted-checkout: textos de las páginas de compra (español). Mismos mensajes y variables que en.ftl.

## Marco de la página (base.html)

page-title = { $title } · { $seller }
skip-link = Saltar al contenido
preview-label = Vista previa
preview-text = Esta es una vista previa para el vendedor. Nada de lo que hagas aquí crea ni modifica una suscripción.
logo-alt = Logotipo de { $seller }
footer = Pago seguro para { $seller }. Los precios están en la moneda del plan.
language-label = Idioma
language-submit = Cambiar idioma
date-range = { $start } – { $end }

## Pasos

steps-label = Pasos de la compra
step-plan = Plan
step-details = Datos
step-review = Revisión

## Formularios

error-summary-heading = Revisa el formulario
field-required = (obligatorio)
field-error-item = { $label }: { $message }

## Precios en palabras

price-per-period = { $price } / { $period ->
    [P3M] trimestre
    [P6M] 6 meses
    [P1Y] año
   *[P1M] mes
}
price-one-time = { $price } (pago único)
price-usage = { $price } / { $period ->
    [P3M] trimestre
    [P6M] 6 meses
    [P1Y] año
   *[P1M] mes
}, facturado según el uso
price-per-unit = { $price } por { $unit }
price-graduated = Precio escalonado por { $unit }
price-volume = Precio por volumen por { $unit }
price-package = { $price } por { $size } { $unit }
price-stepped = Precio fijo por tramos
unit-default = unidad
tier-per-unit = { $price } por { $unit }
tier-flat = { $price } (tarifa fija)
tier-join = { $first } + { $second }

## Paso: plan

plan-heading-new = Elige tu plan
plan-heading-change = Cambia tu plan
plan-intro-change = Compara tu plan actual con el nuevo.
plan-heading-quantity = Actualiza tu suscripción
plan-intro-quantity = Ajusta las cantidades y los complementos; verás el coste antes de que se cambie nada.
current-plan-heading = Tu plan actual: { $plan }
choose-plan = Elige un plan
plan-legend = Plan
billed-every = Facturación { $period ->
    [P3M] trimestral
    [P6M] semestral
    [P1Y] anual
   *[P1M] mensual
}.
add-item = Añadir { $item }
item-now = Ahora: { $current }
item-fallback-name = Artículo
item-on-current-plan = { $quantity } en tu plan actual
item-off-current-plan = no incluido en tu plan actual
item-quantity-now = { $quantity } actualmente
item-off-now = no incluido actualmente
item-off = no incluido
item-times = { $quantity } × { $price }
tiers-caption = Tramos de precio de { $item }
tiers-quantity = Cantidad
tiers-price = Precio
quantity-label = Cantidad
quantity-range = ({ $min }–{ $max })
quantity-fixed = Cantidad: { $quantity }
plan-continue = Continuar
summary-heading = Resumen del pedido
summary-due-today = Facturado hoy
summary-no-renewal = El contrato finaliza antes de renovarse.
summary-update = Actualizar total
summary-unavailable = El total se mostrará cuando todas las cantidades sean válidas.

## Paso: datos

details-heading = Tus datos
details-lead = Los usamos para configurar tu suscripción y enviarte las facturas.
details-continue = Continuar a la revisión
label-customer-name = Nombre completo
label-email = Correo electrónico
label-company-name = Empresa
label-tax-id = Número de identificación fiscal
label-address-line1 = Dirección (línea 1)
label-address-line2 = Dirección (línea 2)
label-address-city = Ciudad
label-address-state = Provincia / región
label-address-postal-code = Código postal
label-address-country = País (código de 2 letras, p. ej. ES)

## Paso: revisión

review-heading-new = Revisa y suscríbete
review-heading-change = Revisa el cambio de plan
review-heading-quantity = Revisa los cambios
review-change-from-to = De { $from } a { $to }
confirm-new = Confirmar y suscribirse
confirm-change = Confirmar cambio
confirm-quantity = Confirmar cambios
subscription-fallback-name = Suscripción
dates-fixed = Del { $start } al { $end }
dates-open = Empieza el { $start } y se renueva { $period ->
    [P3M] cada trimestre
    [P6M] cada 6 meses
    [P1Y] cada año
   *[P1M] cada mes
} hasta que se cancele
dates-change = Cambio efectivo a partir del { $date }
billing-in-advance = Se factura por adelantado { $period ->
    [P3M] cada trimestre
    [P6M] cada 6 meses
    [P1Y] cada año
   *[P1M] cada mes
}. Precios en { $currency }.
change-takes-effect = El cambio entra en vigor el { $date }.
line-times = { $name } × { $quantity }
billed-to = Facturar a
no-next-invoice = No habrá más facturas: el contrato finaliza antes del próximo periodo.
estimate-changed = El precio ha cambiado desde la última vez que lo consultaste. Revisa la estimación actualizada antes de confirmar.
invoiced-today = Hoy se te facturará { $amount }.
nothing-invoiced-today = Hoy no se factura nada.
then-recurring = Después, { $amount } { $period ->
    [P3M] al trimestre
    [P6M] cada 6 meses
    [P1Y] al año
   *[P1M] al mes
} a partir del { $date }.
promotion-heading = Código promocional
promotion-applied = Código { $code } aplicado.
promotion-remove = Quitar código
promotion-ask = ¿Tienes un código promocional?
promotion-another = Usar otro código
promotion-apply = Aplicar
cancel = Cancelar

## Facturas

invoice-first = Primera factura
invoice-now = Factura inmediata
invoice-next = Próxima factura
invoice-lines-caption = { $heading }: conceptos
invoice-item = Concepto
invoice-qty = Cant.
invoice-unit-price = Precio unitario
invoice-amount = Importe
invoice-empty = No se cobra nada en este periodo.
invoice-subtotal = Subtotal
invoice-tax = Impuestos ({ $rate } %)
invoice-total = Total
invoice-amount-due = Importe adeudado

## Páginas de estado

status-preview-heading = Vista previa completada
status-preview-text = Todo está correcto. Como era una vista previa, no se ha creado ni modificado ninguna suscripción.
status-done-heading = Todo listo
status-done-new = Tu suscripción está confirmada. Ya puedes cerrar esta página.
status-done-changed = Tu suscripción se ha actualizado.
status-cancelled-heading = Compra cancelada
status-cancelled-text = No se ha cobrado nada ni se ha cambiado nada.
status-expired-heading = Esta compra ha caducado
status-expired-text = El enlace ya no es válido. Pide uno nuevo al vendedor.
status-open-heading = Compra en curso
status-open-text = Esta compra sigue abierta.
status-continue = Continuar con la compra

## Página de error

error-not-found-heading = No se ha encontrado la compra
error-not-found-text = Este enlace de compra no es válido. Pide un enlace nuevo al vendedor.
error-link-gone-heading = Este enlace ya no está activo
error-link-gone-text = El vendedor ha desactivado este enlace de pago. Pídele uno nuevo.
error-forbidden-heading = Tu sesión ha caducado
error-forbidden-text = Por tu seguridad, no se ha podido enviar este formulario. Vuelve atrás, recarga la página e inténtalo de nuevo.
error-unavailable-heading = Volvemos enseguida
error-unavailable-text = La página de compra no está disponible temporalmente. Inténtalo de nuevo en un momento.
error-conflict-heading = Esta compra no puede continuar
error-too-many-heading = Demasiados intentos
error-too-many-text = Espera un momento, vuelve atrás e inténtalo de nuevo. No se ha cobrado nada.
error-invalid-heading = Algo no está bien
error-other-heading = Se ha producido un error
error-other-text = No hemos podido completar este paso. No se ha cobrado nada. Inténtalo de nuevo.
error-reference = Referencia:
error-fallback-seller = Compra

## Lo que dice la estimación (el motor aporta los hechos; estas son sus palabras)
## $item es el artículo de la línea (line-counted si se muestra una cantidad); $range un intervalo de fechas; $date una
## fecha; $amount un importe; $days y $period-days son números de días (se aplican reglas de plural).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days } de { $period-days ->
    [one] { $period-days } día
   *[other] { $period-days } días
})
line-one-time = { $item }, pago único
line-trial = { $item }, prueba gratuita, { $range }
line-usage = { $item }, { $range }, se factura al final del periodo según el uso
line-proration-credit = Tiempo no utilizado de { $item }, { $range }
line-proration-charge = Tiempo restante de { $item }, { $range }
line-credit-name = Crédito
line-credit = Crédito por tu cambio del { $date }
line-discount-given-back = { $discount }, ya descontado del tiempo no utilizado

## Descuentos: $discount es discount-label; $value es discount-percent-off o discount-amount-off;
## $percent es un número con formato; $months y $years son números.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent } % de descuento
discount-amount-off = { $amount } de descuento
discount-once = { $value } { $period ->
    [P3M] el primer trimestre
    [P6M] los primeros 6 meses
    [P1Y] el primer año
   *[P1M] el primer mes
} y después { $amount } { $period ->
    [P3M] al trimestre
    [P6M] cada 6 meses
    [P1Y] al año
   *[P1M] al mes
}.
discount-months = { $value } durante { $months ->
    [one] { $months } mes
   *[other] { $months } meses
} y después { $amount } { $period ->
    [P3M] al trimestre
    [P6M] cada 6 meses
    [P1Y] al año
   *[P1M] al mes
}.
discount-years = { $value } durante { $years ->
    [one] { $years } año
   *[other] { $years } años
} y después { $amount } { $period ->
    [P3M] al trimestre
    [P6M] cada 6 meses
    [P1Y] al año
   *[P1M] al mes
}.
discount-forever = { $value } { $period ->
    [P3M] cada trimestre
    [P6M] cada 6 meses
    [P1Y] cada año
   *[P1M] cada mes
}.

## Notas bajo una factura

note-usage = El uso se factura al final de cada periodo según lo que consumas; aquí aparece como 0.
note-credit-later = Un crédito de { $amount } (sin impuestos) queda en tu cuenta para próximas facturas.
note-credit-next = No tienes que pagar nada ahora. Tu crédito de { $amount } (sin impuestos) se aplicará en tu próxima factura.
note-credit-kept = No tienes que pagar nada ahora. Tu crédito de { $amount } (sin impuestos) se queda en tu cuenta.
note-ends-in-period = Tu contrato finaliza el { $date }, así que este periodo se factura por { $days } de { $period-days ->
    [one] { $period-days } día
   *[other] { $period-days } días
}.
note-trial-until = Prueba gratuita hasta el { $date }.
note-first-payment = Tu primer pago de { $amount } será el { $date }.
note-ends-in-trial = Tu contrato finaliza durante la prueba gratuita, así que no se cobra nada.
note-rest-covered = Los créditos y cargos cubren el resto de este periodo, { $range } ({ $days } de { $period-days ->
    [one] { $period-days } día
   *[other] { $period-days } días
}).
note-rest-credited = Se te abona el tiempo no utilizado de tu plan actual, { $range } ({ $days } de { $period-days ->
    [one] { $period-days } día
   *[other] { $period-days } días
}).
note-change-later = No cambia nada antes del { $date }, fecha en la que el cambio entra en vigor.
note-ends-before-change = Tu contrato finaliza antes de que el cambio entre en vigor.
note-change-unprorated = El cambio se aplica a partir del { $date }; no se cobra ni se abona nada por el periodo { $range }.
note-discount-replaced = A partir del { $date }, { $new } sustituye a tu descuento { $old }.
note-discount-stays-until = Tu descuento { $discount } se mantiene hasta el { $date }.
note-discount-stays = Tu descuento { $discount } se mantiene.
note-trial-change = Estás en la prueba gratuita hasta el { $date }, así que por ahora no se cobra ni se abona nada por este cambio.
note-discount-refused = No se puede usar { $discount }: { $reason }.

## Qué hace un cambio de plan: una frase para ahora, otra para después y luego lo que sustituye

change-trial = El cambio se aplica durante tu prueba gratuita, así que ahora no se cobra nada.
change-pay-rest = Pagas { $amount } ahora por el resto de este periodo ({ $range }).
change-credit-next-rest = Recibes un crédito de { $amount }, que se aplicará en tu próxima factura, por el resto de este periodo ({ $range }).
change-credit-kept-rest = Recibes un crédito de { $amount }, que se queda en tu cuenta, por el resto de este periodo ({ $range }).
change-nothing-rest = Ahora no se cobra nada por el resto de este periodo ({ $range }).
change-pay-restart = Pagas { $amount } ahora por un nuevo periodo de facturación que empieza el { $date }, descontando la parte no utilizada de tu periodo actual.
change-credit-next-restart = Recibes un crédito de { $amount }, que se aplicará en tu próxima factura, por un nuevo periodo de facturación que empieza el { $date }, descontando la parte no utilizada de tu periodo actual.
change-credit-kept-restart = Recibes un crédito de { $amount }, que se queda en tu cuenta, por un nuevo periodo de facturación que empieza el { $date }, descontando la parte no utilizada de tu periodo actual.
change-nothing-restart = Ahora no se cobra nada por un nuevo periodo de facturación que empieza el { $date }, descontando la parte no utilizada de tu periodo actual.
change-stays-until = Tus condiciones actuales se mantienen hasta el { $date }.
change-applies-from = El cambio se aplica a partir del { $date }, sin cargos ni abonos por el resto de este periodo.
change-then = A partir del { $date } pagas { $amount } { $period ->
    [P3M] al trimestre
    [P6M] cada 6 meses
    [P1Y] al año
   *[P1M] al mes
}.
change-then-tax = A partir del { $date } pagas { $amount } { $period ->
    [P3M] al trimestre
    [P6M] cada 6 meses
    [P1Y] al año
   *[P1M] al mes
} con impuestos incluidos.
change-then-usage = A partir del { $date } pagas { $amount } { $period ->
    [P3M] al trimestre
    [P6M] cada 6 meses
    [P1Y] al año
   *[P1M] al mes
}, más el uso.
change-then-tax-usage = A partir del { $date } pagas { $amount } { $period ->
    [P3M] al trimestre
    [P6M] cada 6 meses
    [P1Y] al año
   *[P1M] al mes
} con impuestos incluidos, más el uso.
change-ends = Tu contrato finaliza el { $date }.
change-ends-before-change = Tu contrato finaliza el { $date }, antes de que el cambio entre en vigor.
change-replaces-switch = Esto sustituye al cambio a { $plan } que tenías programado para el { $date }.
change-replaces = Esto sustituye al cambio que tenías programado para el { $date }.

## Qué está mal en un campo que ha rellenado el cliente ($max es un número)

problem-required = es un campo obligatorio
problem-too-long = debe tener como máximo { $max ->
    [one] { $max } carácter
   *[other] { $max } caracteres
}
problem-control-characters = no debe contener caracteres de control
problem-email = introduce una dirección de correo electrónico válida, p. ej. nombre@example.com
problem-country = debe ser un código de país ISO 3166 de dos letras, p. ej. US o ES
problem-not-offered = elige uno de los planes ofrecidos
problem-quantity = introduce un número entero dentro del rango permitido

## Por qué no se puede usar un código promocional ($amount es un importe, $currency un código ISO como EUR)

code-unknown = este código no es válido
code-expired = este código ha caducado
code-used-up = este código ha alcanzado su límite de usos
code-inactive = este código ya no está activo
code-not-for-plan = este código no es válido para este plan
code-minimum = este código requiere un pedido mínimo de { $amount }
code-first-purchase = este código solo es válido para la primera compra
code-currency = este código está en { $currency }, pero el pedido está en otra moneda
