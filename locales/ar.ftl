## hosted-checkout: Modern Standard Arabic. Same messages and variables as en.ftl.

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = الانتقال إلى المحتوى
preview-label = معاينة
preview-text = هذه معاينة للتاجر. لن يؤدي أي إجراء هنا إلى إنشاء اشتراك أو تغييره.
logo-alt = شعار { $seller }
footer = دفع آمن لدى { $seller }. الأسعار بعملة الخطة.
language-label = اللغة
language-submit = تغيير اللغة
date-range = { $start } – { $end }

## Steps

steps-label = خطوات الدفع
step-plan = الخطة
step-details = البيانات
step-review = المراجعة

## Forms

error-summary-heading = يُرجى مراجعة النموذج
field-required = (مطلوب)
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}
price-one-time = { $price } لمرة واحدة
price-usage = { $price } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}، ويُفوتَر حسب الاستخدام
price-per-unit = { $price } لكل { $unit }
price-graduated = سعر متدرّج لكل { $unit }
price-volume = سعر حسب الكمية لكل { $unit }
price-package = { $price } لكل { $size } { $unit }
price-stepped = سعر ثابت حسب الشريحة
unit-default = وحدة
tier-per-unit = { $price } لكل { $unit }
tier-flat = { $price } مبلغ ثابت
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = اختر خطتك
plan-heading-change = تغيير خطتك
plan-intro-change = قارن خطتك الحالية بالخطة الجديدة.
plan-heading-quantity = تحديث اشتراكك
plan-intro-quantity = عدّل الكميات والإضافات؛ ستظهر لك التكلفة قبل تطبيق أي تغيير.
current-plan-heading = خطتك الحالية: { $plan }
choose-plan = اختر خطة
plan-legend = الخطة
billed-every = يُفوتَر { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}.
add-item = إضافة { $item }
item-now = الآن: { $current }
item-fallback-name = عنصر
item-on-current-plan = { $quantity } في خطتك الحالية
item-off-current-plan = غير مفعّل في خطتك الحالية
item-quantity-now = { $quantity } الآن
item-off-now = غير مفعّل الآن
item-off = غير مفعّل
item-times = { $quantity } × { $price }
tiers-caption = شرائح أسعار { $item }
tiers-quantity = الكمية
tiers-price = السعر
quantity-label = الكمية
quantity-range = ({ $min }–{ $max })
quantity-fixed = الكمية: { $quantity }
plan-continue = متابعة
summary-heading = ملخص الطلب
summary-due-today = يُفوتَر اليوم
summary-no-renewal = ينتهي العقد قبل موعد التجديد.
summary-update = تحديث الإجمالي
summary-unavailable = يظهر الإجمالي عندما تكون جميع الكميات صحيحة.

## Details step

details-heading = بياناتك
details-lead = نستخدم هذه البيانات لإعداد اشتراكك وإرسال فواتيرك إليك.
details-continue = متابعة إلى المراجعة
label-customer-name = الاسم الكامل
label-email = البريد الإلكتروني
label-company-name = الشركة
label-tax-id = الرقم الضريبي
label-address-line1 = العنوان (السطر 1)
label-address-line2 = العنوان (السطر 2)
label-address-city = المدينة
label-address-state = الولاية / المنطقة
label-address-postal-code = الرمز البريدي
label-address-country = البلد (رمز من حرفين، مثل SA)

## Review step

review-heading-new = المراجعة والاشتراك
review-heading-change = مراجعة تغيير خطتك
review-heading-quantity = مراجعة تغييراتك
review-change-from-to = من { $from } إلى { $to }
confirm-new = التأكيد والاشتراك
confirm-change = تأكيد التغيير
confirm-quantity = تأكيد التغييرات
subscription-fallback-name = اشتراك
dates-fixed = من { $start } إلى { $end }
dates-open = يبدأ في { $start }، ويتجدد { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
} حتى الإلغاء
dates-change = يسري التغيير اعتبارًا من { $date }
billing-in-advance = يُفوتَر مقدمًا { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}. الأسعار بعملة { $currency }.
change-takes-effect = يسري التغيير في { $date }.
line-times = { $name } × { $quantity }
billed-to = الفاتورة باسم
no-next-invoice = لا توجد فواتير أخرى: ينتهي العقد قبل الفترة التالية.
estimate-changed = تغيّر السعر منذ آخر اطلاع لك. يُرجى مراجعة التقدير المحدَّث قبل التأكيد.
invoiced-today = ستصدر لك اليوم فاتورة بمبلغ { $amount }.
nothing-invoiced-today = لن تصدر أي فاتورة اليوم.
then-recurring = ثم { $amount } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
} اعتبارًا من { $date }.
promotion-heading = الرمز الترويجي
promotion-applied = تم تطبيق الرمز { $code }.
promotion-remove = إزالة الرمز
promotion-ask = هل لديك رمز ترويجي؟
promotion-another = استخدام رمز آخر
promotion-apply = تطبيق
cancel = إلغاء

## Invoices

invoice-first = الفاتورة الأولى
invoice-now = الفاتورة الفورية
invoice-next = الفاتورة التالية
invoice-lines-caption = بنود { $heading }
invoice-item = البند
invoice-qty = الكمية
invoice-unit-price = سعر الوحدة
invoice-amount = المبلغ
invoice-empty = لا توجد رسوم عن هذه الفترة.
invoice-subtotal = المجموع الفرعي
invoice-tax = الضريبة ({ $rate }%)
invoice-total = الإجمالي
invoice-amount-due = المبلغ المستحق

## Status pages

status-preview-heading = اكتملت المعاينة
status-preview-text = تم التحقق من كل شيء بنجاح. كانت هذه معاينة، لذا لم يُنشأ أي اشتراك ولم يُغيَّر.
status-done-heading = اكتمل كل شيء
status-done-new = تم تأكيد اشتراكك. يمكنك إغلاق هذه الصفحة.
status-done-changed = تم تحديث اشتراكك.
status-cancelled-heading = أُلغيت عملية الدفع
status-cancelled-text = لم يُخصم أي مبلغ ولم يتغيّر شيء.
status-expired-heading = انتهت صلاحية صفحة الدفع هذه
status-expired-text = لم يعد الرابط صالحًا. يُرجى طلب رابط جديد من البائع.
status-open-heading = عملية الدفع قيد التنفيذ
status-open-text = لا تزال عملية الدفع هذه مفتوحة.
status-continue = متابعة الدفع

## Error page

error-not-found-heading = لم يتم العثور على صفحة الدفع
error-not-found-text = رابط الدفع هذا غير صالح. يُرجى طلب رابط جديد من البائع.
error-link-gone-heading = لم يعد هذا الرابط نشطًا
error-link-gone-text = أوقف البائع رابط الدفع هذا. يُرجى طلب رابط جديد منه.
error-forbidden-heading = انتهت صلاحية جلستك
error-forbidden-text = حفاظًا على أمانك، تعذّر إرسال هذا النموذج. يُرجى الرجوع إلى الصفحة السابقة وإعادة تحميلها ثم المحاولة مرة أخرى.
error-unavailable-heading = سنعود قريبًا
error-unavailable-text = صفحة الدفع غير متاحة مؤقتًا. يُرجى المحاولة مرة أخرى بعد قليل.
error-conflict-heading = لا يمكن متابعة عملية الدفع هذه
error-too-many-heading = محاولات كثيرة جدًا
error-too-many-text = يُرجى الانتظار قليلًا، ثم الرجوع والمحاولة مرة أخرى. لم يُخصم أي مبلغ.
error-invalid-heading = هناك مشكلة ما
error-other-heading = حدث خطأ ما
error-other-text = تعذّر إكمال هذه الخطوة. لم يُخصم أي مبلغ. يُرجى المحاولة مرة أخرى.
error-reference = المرجع:
error-fallback-seller = الدفع

## What the estimate says (the engine gives the facts; these are its words)
## $item is the line's item (line-counted when a quantity shows); $range a date range; $date a
## date; $amount money; $days and $period-days are numbers of days (plural rules apply).

line-counted = { $quantity } × { $name }
line-recurring = { $item }، { $range }
line-recurring-part = { $item }، { $range } ({ $days } من أصل { $period-days ->
    [zero] { $period-days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $period-days } أيام
    [many] { $period-days } يومًا
   *[other] { $period-days } يوم
})
line-one-time = { $item }، رسوم لمرة واحدة
line-trial = { $item }، فترة تجريبية مجانية، { $range }
line-usage = { $item }، { $range }، يُفوتَر في نهاية الفترة حسب استخدامك
line-proration-credit = الوقت غير المستخدم من { $item }، { $range }
line-proration-charge = الوقت المتبقي من { $item }، { $range }
line-credit-name = رصيد دائن
line-credit = رصيد دائن من التغيير الذي أجريته في { $date }
line-discount-given-back = { $discount }، سبق خصمه من قيمة الوقت غير المستخدم

## Discounts: $discount is discount-label; $value is discount-percent-off or discount-amount-off;
## $percent is a formatted number; $months and $years are numbers.

discount-label = { $name } ({ $value })
discount-percent-off = خصم { $percent }%
discount-amount-off = خصم { $amount }
discount-once = { $value } على { $period ->
    [P3M] أول ربع سنة
    [P6M] أول 6 أشهر
    [P1Y] السنة الأولى
   *[P1M] الشهر الأول
}، ثم { $amount } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}.
discount-months = { $value } لمدة { $months ->
    [zero] { $months } شهر
    [one] شهر واحد
    [two] شهرين
    [few] { $months } أشهر
    [many] { $months } شهرًا
   *[other] { $months } شهر
}، ثم { $amount } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}.
discount-years = { $value } لمدة { $years ->
    [zero] { $years } سنة
    [one] سنة واحدة
    [two] سنتين
    [few] { $years } سنوات
    [many] { $years } سنة
   *[other] { $years } سنة
}، ثم { $amount } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}.
discount-forever = { $value } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] كل سنة
   *[P1M] كل شهر
}.

## Notes under an invoice

note-usage = يُفوتَر الاستخدام في نهاية كل فترة حسب استخدامك الفعلي، ولذلك يظهر هنا بقيمة 0.
note-credit-later = يبقى رصيد دائن بقيمة { $amount } (قبل الضريبة) في حسابك لاستخدامه في الفواتير اللاحقة.
note-credit-next = لا يوجد ما تدفعه الآن. سيُستخدم رصيدك الدائن البالغ { $amount } (قبل الضريبة) في فاتورتك التالية.
note-credit-kept = لا يوجد ما تدفعه الآن. يبقى رصيدك الدائن البالغ { $amount } (قبل الضريبة) في حسابك.
note-ends-in-period = ينتهي عقدك في { $date }، لذا تُحتسب رسوم هذه الفترة عن { $days } من أصل { $period-days ->
    [zero] { $period-days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $period-days } أيام
    [many] { $period-days } يومًا
   *[other] { $period-days } يوم
}.
note-trial-until = فترة تجريبية مجانية حتى { $date }.
note-first-payment = تُستحق دفعتك الأولى بمبلغ { $amount } في { $date }.
note-ends-in-trial = ينتهي عقدك خلال الفترة التجريبية المجانية، لذا لن يُخصم أي مبلغ.
note-rest-covered = تغطي الأرصدة الدائنة والرسوم بقية هذه الفترة، { $range } ({ $days } من أصل { $period-days ->
    [zero] { $period-days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $period-days } أيام
    [many] { $period-days } يومًا
   *[other] { $period-days } يوم
}).
note-rest-credited = يُحتسب لخطتك الحالية رصيد دائن عن وقتها غير المستخدم، { $range } ({ $days } من أصل { $period-days ->
    [zero] { $period-days } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $period-days } أيام
    [many] { $period-days } يومًا
   *[other] { $period-days } يوم
}).
note-change-later = لن يتغير شيء قبل { $date }، وهو موعد سريان التغيير.
note-ends-before-change = ينتهي عقدك قبل أن يسري التغيير.
note-change-unprorated = يسري التغيير اعتبارًا من { $date }؛ ولن تُحتسب أي رسوم أو أرصدة دائنة عن الفترة { $range }.
note-discount-replaced = يحل { $new } محل خصمك { $old } اعتبارًا من { $date }.
note-discount-stays-until = يبقى خصمك { $discount } ساريًا حتى { $date }.
note-discount-stays = يبقى خصمك { $discount } ساريًا.
note-trial-change = أنت في فترة تجريبية مجانية حتى { $date }، لذا لن تُحتسب الآن أي رسوم أو أرصدة دائنة لهذا التغيير.
note-discount-refused = لا يمكن استخدام { $discount }: { $reason }.

## What a plan change does: one sentence for now, one for later, then what it replaces

change-trial = يسري التغيير خلال فترتك التجريبية المجانية، لذا لن يُخصم أي مبلغ الآن.
change-pay-rest = تدفع الآن { $amount } عن بقية هذه الفترة ({ $range }).
change-credit-next-rest = تحصل على رصيد دائن بقيمة { $amount } عن بقية هذه الفترة ({ $range })، يُستخدم في فاتورتك التالية.
change-credit-kept-rest = تحصل على رصيد دائن بقيمة { $amount } عن بقية هذه الفترة ({ $range })، ويبقى في حسابك.
change-nothing-rest = لن يُخصم أي مبلغ الآن عن بقية هذه الفترة ({ $range }).
change-pay-restart = تدفع الآن { $amount } عن فترة فوترة جديدة تبدأ في { $date }، بعد خصم الجزء غير المستخدم من فترتك الحالية.
change-credit-next-restart = تحصل على رصيد دائن بقيمة { $amount }، يُستخدم في فاتورتك التالية، عن فترة فوترة جديدة تبدأ في { $date }، بعد خصم الجزء غير المستخدم من فترتك الحالية.
change-credit-kept-restart = تحصل على رصيد دائن بقيمة { $amount }، يبقى في حسابك، عن فترة فوترة جديدة تبدأ في { $date }، بعد خصم الجزء غير المستخدم من فترتك الحالية.
change-nothing-restart = لن يُخصم أي مبلغ الآن عن فترة فوترة جديدة تبدأ في { $date }، بعد خصم الجزء غير المستخدم من فترتك الحالية.
change-stays-until = تبقى شروطك الحالية سارية حتى { $date }.
change-applies-from = يسري التغيير اعتبارًا من { $date } دون أي رسوم أو أرصدة دائنة عن بقية هذه الفترة.
change-then = اعتبارًا من { $date }، تدفع { $amount } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}.
change-then-tax = اعتبارًا من { $date }، تدفع { $amount } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
} شاملًا الضريبة.
change-then-usage = اعتبارًا من { $date }، تدفع { $amount } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
}، بالإضافة إلى رسوم الاستخدام.
change-then-tax-usage = اعتبارًا من { $date }، تدفع { $amount } { $period ->
    [P3M] كل ربع سنة
    [P6M] كل 6 أشهر
    [P1Y] سنويًا
   *[P1M] شهريًا
} شاملًا الضريبة، بالإضافة إلى رسوم الاستخدام.
change-ends = ينتهي عقدك في { $date }.
change-ends-before-change = ينتهي عقدك في { $date }، قبل أن يسري التغيير.
change-replaces-switch = يحل هذا محل انتقالك المجدول إلى { $plan } في { $date }.
change-replaces = يحل هذا محل التغيير المجدول في { $date }.

## What is wrong with a field the customer filled in ($max is a number)

problem-required = مطلوب
problem-too-long = يجب ألا يتجاوز { $max ->
    [zero] { $max } حرف
    [one] حرفًا واحدًا
    [two] حرفين
    [few] { $max } أحرف
    [many] { $max } حرفًا
   *[other] { $max } حرف
}
problem-control-characters = يجب ألا يحتوي على أحرف تحكم
problem-email = أدخل عنوان بريد إلكتروني صالحًا، مثل name@example.com
problem-country = يجب أن يكون رمز بلد من حرفين وفق ISO 3166، مثل US أو DE
problem-not-offered = اختر إحدى الخطط المعروضة
problem-quantity = أدخل عددًا صحيحًا ضمن النطاق المسموح به

## Why a promotion code cannot be used ($amount is money, $currency an ISO code such as EUR)

code-unknown = هذا الرمز غير صالح
code-expired = انتهت صلاحية هذا الرمز
code-used-up = استُنفد الحد الأقصى لاستخدام هذا الرمز
code-inactive = لم يعد هذا الرمز نشطًا
code-not-for-plan = لا ينطبق هذا الرمز على هذه الخطة
code-minimum = يتطلب هذا الرمز طلبًا بقيمة { $amount } على الأقل
code-first-purchase = هذا الرمز مخصص لعملية الشراء الأولى فقط
code-currency = هذا الرمز بعملة { $currency }، لكن الطلب بعملة أخرى
