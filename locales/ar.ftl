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
