## hosted-checkout: what the hosted pages say (US English, the reference locale).
## Every other locale file has exactly these messages, with the same variables.
## Variables: money and dates arrive formatted for the locale; $period is one of
## P1M, P3M, P6M, P1Y; $count and $quantity are numbers (plural rules apply).

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = Skip to content
preview-label = Preview
preview-text = This is a merchant preview. Nothing you do here creates or changes a subscription.
logo-alt = { $seller } logo
footer = Secure checkout for { $seller }. Prices are in the plan's currency.
language-label = Language
language-submit = Change language
date-range = { $start } – { $end }

## Steps

steps-label = Checkout steps
step-plan = Plan
step-details = Details
step-review = Review

## Forms

error-summary-heading = Please check the form
field-required = (required)
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price } / { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}
price-one-time = { $price } one-time
price-usage = { $price } / { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}, billed on use
price-per-unit = { $price } per { $unit }
price-graduated = Graduated price per { $unit }
price-volume = Volume price per { $unit }
price-package = { $price } per { $size } { $unit }s
price-stepped = Stepped flat price
unit-default = unit
tier-per-unit = { $price } per { $unit }
tier-flat = { $price } flat
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = Choose your plan
plan-heading-change = Change your plan
plan-intro-change = Compare your current plan with the new one.
plan-heading-quantity = Update your subscription
plan-intro-quantity = Adjust quantities and add-ons; you will see the cost before anything changes.
current-plan-heading = Your current plan: { $plan }
choose-plan = Choose a plan
plan-legend = Plan
billed-every = Billed every { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}.
add-item = Add { $item }
item-now = Now: { $current }
item-fallback-name = Item
item-on-current-plan = { $quantity } on your current plan
item-off-current-plan = off on your current plan
item-quantity-now = { $quantity } now
item-off-now = off now
item-off = off
item-times = { $quantity } × { $price }
tiers-caption = Price tiers for { $item }
tiers-quantity = Quantity
tiers-price = Price
quantity-label = Quantity
quantity-range = ({ $min }–{ $max })
quantity-fixed = Quantity: { $quantity }
plan-continue = Continue
summary-heading = Order summary
summary-due-today = Invoiced today
summary-no-renewal = The contract ends before it renews.
summary-update = Update total
summary-unavailable = The total appears once every quantity is valid.

## Details step

details-heading = Your details
details-lead = We use these to set up your subscription and send your invoices.
details-continue = Continue to review
label-customer-name = Full name
label-email = Email
label-company-name = Company
label-tax-id = Tax ID
label-address-line1 = Address line 1
label-address-line2 = Address line 2
label-address-city = City
label-address-state = State / region
label-address-postal-code = Postal code
label-address-country = Country (2-letter code, e.g. US)

## Review step

review-heading-new = Review and subscribe
review-heading-change = Review your plan change
review-heading-quantity = Review your changes
review-change-from-to = From { $from } to { $to }
confirm-new = Confirm and subscribe
confirm-change = Confirm change
confirm-quantity = Confirm changes
subscription-fallback-name = Subscription
dates-fixed = From { $start } to { $end }
dates-open = Starts { $start }, renews every { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
} until cancelled
dates-change = Change effective { $date }
billing-in-advance = Billed every { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}, in advance. Prices in { $currency }.
change-takes-effect = The change takes effect on { $date }.
line-times = { $name } × { $quantity }
billed-to = Billed to
no-next-invoice = No further invoice: the contract ends before the next period.
estimate-changed = The price changed since you last looked. Please review the updated estimate before confirming.
invoiced-today = You'll be invoiced { $amount } today.
nothing-invoiced-today = Nothing is invoiced today.
then-recurring = Then { $amount } per { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
} from { $date }.
promotion-heading = Promotion code
promotion-applied = Code { $code } applied.
promotion-remove = Remove code
promotion-ask = Have a promotion code?
promotion-another = Use another code
promotion-apply = Apply
cancel = Cancel

## Invoices

invoice-first = First invoice
invoice-now = Invoice now
invoice-next = Next invoice
invoice-lines-caption = { $heading } line items
invoice-item = Item
invoice-qty = Qty
invoice-unit-price = Unit price
invoice-amount = Amount
invoice-empty = Nothing is charged for this period.
invoice-subtotal = Subtotal
invoice-tax = Tax ({ $rate }%)
invoice-total = Total
invoice-amount-due = Amount due

## Status pages

status-preview-heading = Preview complete
status-preview-text = Everything checked out. This was a preview, so no subscription was created or changed.
status-done-heading = You're all set
status-done-new = Your subscription is confirmed. You can close this page.
status-done-changed = Your subscription has been updated.
status-cancelled-heading = Checkout cancelled
status-cancelled-text = Nothing was charged and nothing changed.
status-expired-heading = This checkout has expired
status-expired-text = The link is no longer valid. Please ask the seller for a new one.
status-open-heading = Checkout in progress
status-open-text = This checkout is still open.
status-continue = Continue checkout

## Error page

error-not-found-heading = Checkout not found
error-not-found-text = This checkout link is not valid. Please ask the seller for a new link.
error-link-gone-heading = This link is no longer active
error-link-gone-text = The seller has turned this checkout link off. Please ask them for a new one.
error-forbidden-heading = Your session has expired
error-forbidden-text = For your security this form could not be submitted. Go back, reload the page and try again.
error-unavailable-heading = We'll be right back
error-unavailable-text = The checkout is briefly unavailable. Please try again in a moment.
error-conflict-heading = This checkout cannot continue
error-too-many-heading = Too many attempts
error-too-many-text = Please wait a moment, then go back and try again. Nothing was charged.
error-invalid-heading = Something is not right
error-other-heading = Something went wrong
error-other-text = We could not complete this step. Nothing was charged. Please try again.
error-reference = Reference:
error-fallback-seller = Checkout

## What the estimate says (the engine gives the facts; these are its words)
## $item is the line's item (line-counted when a quantity shows); $range a date range; $date a
## date; $amount money; $days and $period-days are numbers of days (plural rules apply).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days } of { $period-days } days)
line-one-time = { $item }, one-time charge
line-trial = { $item }, free trial, { $range }
line-usage = { $item }, { $range }, billed at the end of the period for what you use
line-proration-credit = Unused time on { $item }, { $range }
line-proration-charge = Remaining time on { $item }, { $range }
line-credit-name = Credit
line-credit = Credit from your change on { $date }
line-discount-given-back = { $discount }, already taken off the unused time

## Discounts: $discount is discount-label; $value is discount-percent-off or discount-amount-off;
## $percent is a formatted number; $months and $years are numbers.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent }% off
discount-amount-off = { $amount } off
discount-once = { $value } your first { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}, then { $amount } per { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}.
discount-months = { $value } for { $months ->
    [one] 1 month
   *[other] { $months } months
}, then { $amount } per { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}.
discount-years = { $value } for { $years ->
    [one] 1 year
   *[other] { $years } years
}, then { $amount } per { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}.
discount-forever = { $value } every { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}.

## Notes under an invoice

note-usage = Usage is billed at the end of each period for what you use; it is shown here at 0.
note-credit-later = A credit of { $amount } (before tax) stays on your account for later invoices.
note-credit-next = Nothing to pay now. Your credit of { $amount } (before tax) is used on your next invoice.
note-credit-kept = Nothing to pay now. Your credit of { $amount } (before tax) stays on your account.
note-ends-in-period = Your contract ends on { $date }, so this period is charged for { $days } of { $period-days } days.
note-trial-until = Free trial until { $date }.
note-first-payment = Your first payment of { $amount } is on { $date }.
note-ends-in-trial = Your contract ends during the free trial, so nothing is charged.
note-rest-covered = Credits and charges cover the rest of this period, { $range } ({ $days } of { $period-days } days).
note-rest-credited = Your current plan is credited for its unused time, { $range } ({ $days } of { $period-days } days).
note-change-later = Nothing changes before { $date }, when the change takes effect.
note-ends-before-change = Your contract ends before the change would take effect.
note-change-unprorated = The change applies from { $date }; nothing is charged or credited for { $range }.
note-discount-replaced = { $new } replaces your discount { $old } from { $date }.
note-discount-stays-until = Your discount { $discount } stays until { $date }.
note-discount-stays = Your discount { $discount } stays.
note-trial-change = You are on a free trial until { $date }, so nothing is charged or credited for this change now.
note-discount-refused = { $discount } cannot be used: { $reason }.

## What a plan change does: one sentence for now, one for later, then what it replaces

change-trial = The change applies during your free trial, so nothing is charged now.
change-pay-rest = You pay { $amount } now for the rest of this period ({ $range }).
change-credit-next-rest = You get a credit of { $amount }, used on your next invoice, for the rest of this period ({ $range }).
change-credit-kept-rest = You get a credit of { $amount }, kept on your account, for the rest of this period ({ $range }).
change-nothing-rest = Nothing is charged now for the rest of this period ({ $range }).
change-pay-restart = You pay { $amount } now for a new billing period starting { $date }, less the unused part of your current period.
change-credit-next-restart = You get a credit of { $amount }, used on your next invoice, for a new billing period starting { $date }, less the unused part of your current period.
change-credit-kept-restart = You get a credit of { $amount }, kept on your account, for a new billing period starting { $date }, less the unused part of your current period.
change-nothing-restart = Nothing is charged now for a new billing period starting { $date }, less the unused part of your current period.
change-stays-until = Your current terms stay until { $date }.
change-applies-from = The change applies from { $date } with nothing charged or credited for the rest of this period.
change-then = From { $date } you pay { $amount } per { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}.
change-then-tax = From { $date } you pay { $amount } per { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
} including tax.
change-then-usage = From { $date } you pay { $amount } per { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
}, plus usage.
change-then-tax-usage = From { $date } you pay { $amount } per { $period ->
    [P3M] quarter
    [P6M] 6 months
    [P1Y] year
   *[P1M] month
} including tax, plus usage.
change-ends = Your contract ends on { $date }.
change-ends-before-change = Your contract ends on { $date }, before the change would take effect.
change-replaces-switch = This replaces your scheduled switch to { $plan } on { $date }.
change-replaces = This replaces your scheduled change on { $date }.

## What is wrong with a field the customer filled in ($max is a number)

problem-required = is required
problem-too-long = must be at most { $max } characters
problem-control-characters = must not contain control characters
problem-email = enter a valid email address, like name@example.com
problem-country = must be a two-letter ISO 3166 country code, like US or DE
problem-not-offered = choose one of the plans offered
problem-quantity = enter a whole number within the allowed range

## Why a promotion code cannot be used ($amount is money, $currency an ISO code such as EUR)

code-unknown = this code is not valid
code-expired = this code has expired
code-used-up = this code has been used up
code-inactive = this code is no longer active
code-not-for-plan = this code is not for this plan
code-minimum = this code needs an order of at least { $amount }
code-first-purchase = this code is for a first purchase only
code-currency = this code is in { $currency }, but the order is in another currency
