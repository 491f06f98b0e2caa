## hosted-checkout: Hebrew. Same messages and variables as en.ftl.

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = דילוג לתוכן
preview-label = תצוגה מקדימה
preview-text = זוהי תצוגה מקדימה לבית העסק. פעולות בדף זה אינן יוצרות מינוי ואינן משנות אותו.
logo-alt = הלוגו של { $seller }
footer = תשלום מאובטח עבור { $seller }. המחירים מוצגים במטבע התוכנית.
language-label = שפה
language-submit = שינוי שפה
date-range = { $start } – { $end }

## Steps

steps-label = שלבי התשלום
step-plan = תוכנית
step-details = פרטים
step-review = סקירה

## Forms

error-summary-heading = יש לבדוק את הטופס
field-required = (חובה)
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
}
price-one-time = { $price } בתשלום חד-פעמי
price-usage = { $price } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
}, בחיוב לפי שימוש
price-per-unit = { $price } לכל { $unit }
price-graduated = מחיר מדורג לכל { $unit }
price-volume = מחיר לפי כמות לכל { $unit }
price-package = { $price } לכל { $size } { $unit }
price-stepped = מחיר קבוע לפי מדרגה
unit-default = יחידה
tier-per-unit = { $price } לכל { $unit }
tier-flat = { $price } סכום קבוע
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = בחירת תוכנית
plan-heading-change = שינוי התוכנית
plan-intro-change = כאן אפשר להשוות בין התוכנית הנוכחית לתוכנית החדשה.
plan-heading-quantity = עדכון המינוי
plan-intro-quantity = אפשר לשנות כמויות ותוספות. העלות תוצג לפני שיבוצע שינוי כלשהו.
current-plan-heading = התוכנית הנוכחית: { $plan }
choose-plan = יש לבחור תוכנית
plan-legend = תוכנית
billed-every = החיוב מתבצע { $period ->
    [P3M] כל רבעון
    [P6M] כל 6 חודשים
    [P1Y] כל שנה
   *[P1M] כל חודש
}.
add-item = הוספת { $item }
item-now = כעת: { $current }
item-fallback-name = פריט
item-on-current-plan = { $quantity } בתוכנית הנוכחית
item-off-current-plan = לא פעיל בתוכנית הנוכחית
item-quantity-now = { $quantity } כעת
item-off-now = לא פעיל כעת
item-off = לא פעיל
item-times = { $quantity } × { $price }
tiers-caption = מדרגות מחיר עבור { $item }
tiers-quantity = כמות
tiers-price = מחיר
quantity-label = כמות
quantity-range = ({ $min }–{ $max })
quantity-fixed = כמות: { $quantity }
plan-continue = המשך
summary-heading = סיכום ההזמנה
summary-due-today = בחשבונית היום
summary-no-renewal = החוזה מסתיים לפני מועד החידוש.
summary-update = עדכון הסכום הכולל
summary-unavailable = הסכום הכולל יוצג לאחר שכל הכמויות יהיו תקינות.

## Details step

details-heading = הפרטים שלך
details-lead = הפרטים משמשים להגדרת המינוי ולשליחת החשבוניות.
details-continue = המשך לסקירה
label-customer-name = שם מלא
label-email = דוא״ל
label-company-name = חברה
label-tax-id = מספר מזהה לצורכי מס
label-address-line1 = כתובת (שורה 1)
label-address-line2 = כתובת (שורה 2)
label-address-city = עיר
label-address-state = מחוז / אזור
label-address-postal-code = מיקוד
label-address-country = מדינה (קוד בן 2 אותיות, לדוגמה IL)

## Review step

review-heading-new = סקירה והצטרפות למינוי
review-heading-change = סקירת שינוי התוכנית
review-heading-quantity = סקירת השינויים
review-change-from-to = מ-{ $from } ל-{ $to }
confirm-new = אישור והצטרפות למינוי
confirm-change = אישור השינוי
confirm-quantity = אישור השינויים
subscription-fallback-name = מינוי
dates-fixed = מ-{ $start } עד { $end }
dates-open = מתחיל ב-{ $start }, מתחדש { $period ->
    [P3M] כל רבעון
    [P6M] כל 6 חודשים
    [P1Y] כל שנה
   *[P1M] כל חודש
} עד לביטול
dates-change = השינוי בתוקף החל מ-{ $date }
billing-in-advance = החיוב מתבצע מראש { $period ->
    [P3M] כל רבעון
    [P6M] כל 6 חודשים
    [P1Y] כל שנה
   *[P1M] כל חודש
}. המחירים במטבע { $currency }.
change-takes-effect = השינוי ייכנס לתוקף ב-{ $date }.
line-times = { $name } × { $quantity }
billed-to = החשבונית על שם
no-next-invoice = לא תונפק חשבונית נוספת: החוזה מסתיים לפני התקופה הבאה.
estimate-changed = המחיר השתנה מאז הצפייה האחרונה. יש לעיין בהערכה המעודכנת לפני האישור.
invoiced-today = היום תונפק חשבונית על סך { $amount }.
nothing-invoiced-today = היום לא תונפק חשבונית.
then-recurring = לאחר מכן { $amount } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
} החל מ-{ $date }.
promotion-heading = קוד הטבה
promotion-applied = הקוד { $code } הופעל.
promotion-remove = הסרת הקוד
promotion-ask = יש לך קוד הטבה?
promotion-another = שימוש בקוד אחר
promotion-apply = מימוש
cancel = ביטול

## Invoices

invoice-first = החשבונית הראשונה
invoice-now = חשבונית מיידית
invoice-next = החשבונית הבאה
invoice-lines-caption = פריטים: { $heading }
invoice-item = פריט
invoice-qty = כמות
invoice-unit-price = מחיר ליחידה
invoice-amount = סכום
invoice-empty = אין חיוב עבור תקופה זו.
invoice-subtotal = סכום ביניים
invoice-tax = מס ({ $rate }%)
invoice-total = סה״כ
invoice-amount-due = סכום לתשלום

## Status pages

status-preview-heading = התצוגה המקדימה הושלמה
status-preview-text = הבדיקה עברה בהצלחה. זו הייתה תצוגה מקדימה, ולכן לא נוצר ולא שונה אף מינוי.
status-done-heading = הכול מוכן
status-done-new = המינוי אושר. אפשר לסגור את הדף.
status-done-changed = המינוי עודכן.
status-cancelled-heading = התשלום בוטל
status-cancelled-text = לא בוצע חיוב ולא שונה דבר.
status-expired-heading = פג תוקפו של דף התשלום
status-expired-text = הקישור כבר אינו בתוקף. יש לבקש קישור חדש מהמוכר.
status-open-heading = התשלום בתהליך
status-open-text = דף התשלום עדיין פתוח.
status-continue = המשך לתשלום

## Error page

error-not-found-heading = דף התשלום לא נמצא
error-not-found-text = קישור התשלום אינו תקין. יש לבקש קישור חדש מהמוכר.
error-link-gone-heading = הקישור הזה כבר לא פעיל
error-link-gone-text = המוכר השבית את קישור התשלום הזה. אפשר לבקש ממנו קישור חדש.
error-forbidden-heading = פג תוקף ההפעלה
error-forbidden-text = מטעמי אבטחה לא ניתן היה לשלוח את הטופס. יש לחזור אחורה, לרענן את הדף ולנסות שוב.
error-unavailable-heading = נחזור בקרוב
error-unavailable-text = דף התשלום אינו זמין כרגע. יש לנסות שוב בעוד רגע.
error-conflict-heading = לא ניתן להמשיך בתשלום הזה
error-too-many-heading = יותר מדי ניסיונות
error-too-many-text = יש להמתין רגע, לחזור אחורה ולנסות שוב. לא בוצע חיוב.
error-invalid-heading = משהו אינו תקין
error-other-heading = משהו השתבש
error-other-text = לא ניתן היה להשלים את השלב הזה. לא בוצע חיוב. יש לנסות שוב.
error-reference = אסמכתה:
error-fallback-seller = תשלום

## What the estimate says (the engine gives the facts; these are its words)
## $item is the line's item (line-counted when a quantity shows); $range a date range; $date a
## date; $amount money; $days and $period-days are numbers of days (plural rules apply).

line-counted = { $quantity } × { $name }
line-recurring = { $item }, { $range }
line-recurring-part = { $item }, { $range } ({ $days } מתוך { $period-days ->
    [one] יום אחד
    [two] יומיים
   *[other] { $period-days } ימים
})
line-one-time = { $item }, חיוב חד-פעמי
line-trial = { $item }, תקופת ניסיון חינם, { $range }
line-usage = { $item }, { $range }, בחיוב בסוף התקופה לפי השימוש בפועל
line-proration-credit = זמן שלא נוצל ב-{ $item }, { $range }
line-proration-charge = הזמן הנותר ב-{ $item }, { $range }
line-credit-name = זיכוי
line-credit = זיכוי על השינוי שבוצע ב-{ $date }
line-discount-given-back = { $discount }, ההנחה כבר נוכתה מהזמן שלא נוצל

## Discounts: $discount is discount-label; $value is discount-percent-off or discount-amount-off;
## $percent is a formatted number; $months and $years are numbers.

discount-label = { $name } ({ $value })
discount-percent-off = { $percent }% הנחה
discount-amount-off = { $amount } הנחה
discount-once = { $value } { $period ->
    [P3M] ברבעון הראשון
    [P6M] ב-6 החודשים הראשונים
    [P1Y] בשנה הראשונה
   *[P1M] בחודש הראשון
}, ולאחר מכן { $amount } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
}.
discount-months = { $value } למשך { $months ->
    [one] חודש אחד
    [two] חודשיים
   *[other] { $months } חודשים
}, ולאחר מכן { $amount } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
}.
discount-years = { $value } למשך { $years ->
    [one] שנה אחת
    [two] שנתיים
   *[other] { $years } שנים
}, ולאחר מכן { $amount } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
}.
discount-forever = { $value } { $period ->
    [P3M] בכל רבעון
    [P6M] בכל 6 חודשים
    [P1Y] בכל שנה
   *[P1M] בכל חודש
}.

## Notes under an invoice

note-usage = השימוש מחויב בסוף כל תקופה לפי השימוש בפועל, ולכן הוא מוצג כאן כ-0.
note-credit-later = זיכוי בסך { $amount } (לפני מס) יישאר בחשבון לטובת חשבוניות עתידיות.
note-credit-next = אין מה לשלם כעת. הזיכוי בסך { $amount } (לפני מס) ינוצל בחשבונית הבאה.
note-credit-kept = אין מה לשלם כעת. הזיכוי בסך { $amount } (לפני מס) יישאר בחשבון.
note-ends-in-period = החוזה מסתיים ב-{ $date }, ולכן החיוב לתקופה זו הוא עבור { $days } מתוך { $period-days ->
    [one] יום אחד
    [two] יומיים
   *[other] { $period-days } ימים
}.
note-trial-until = תקופת ניסיון חינם עד { $date }.
note-first-payment = התשלום הראשון, בסך { $amount }, יתבצע ב-{ $date }.
note-ends-in-trial = החוזה מסתיים במהלך תקופת הניסיון החינמית, ולכן לא יבוצע חיוב.
note-rest-covered = הזיכויים והחיובים מכסים את יתרת התקופה הנוכחית, { $range } ({ $days } מתוך { $period-days ->
    [one] יום אחד
    [two] יומיים
   *[other] { $period-days } ימים
}).
note-rest-credited = התוכנית הנוכחית מזוכה עבור הזמן שלא נוצל, { $range } ({ $days } מתוך { $period-days ->
    [one] יום אחד
    [two] יומיים
   *[other] { $period-days } ימים
}).
note-change-later = דבר לא ישתנה לפני { $date }, המועד שבו השינוי ייכנס לתוקף.
note-ends-before-change = החוזה מסתיים לפני שהשינוי ייכנס לתוקף.
note-change-unprorated = השינוי חל החל מ-{ $date }; לא יבוצע חיוב או זיכוי עבור { $range }.
note-discount-replaced = החל מ-{ $date }, { $new } יחליף את ההנחה { $old }.
note-discount-stays-until = ההנחה { $discount } נשארת בתוקף עד { $date }.
note-discount-stays = ההנחה { $discount } נשארת בתוקף.
note-trial-change = תקופת הניסיון החינמית נמשכת עד { $date }, ולכן לא יבוצע כעת חיוב או זיכוי עבור השינוי הזה.
note-discount-refused = לא ניתן להשתמש ב־{ $discount }: { $reason }.

## What a plan change does: one sentence for now, one for later, then what it replaces

change-trial = השינוי חל במהלך תקופת הניסיון החינמית, ולכן לא יבוצע חיוב כעת.
change-pay-rest = יש לשלם כעת { $amount } עבור יתרת התקופה הנוכחית ({ $range }).
change-credit-next-rest = יתקבל זיכוי בסך { $amount } עבור יתרת התקופה הנוכחית ({ $range }), והוא ינוצל בחשבונית הבאה.
change-credit-kept-rest = יתקבל זיכוי בסך { $amount } עבור יתרת התקופה הנוכחית ({ $range }), והוא יישאר בחשבון.
change-nothing-rest = לא יבוצע כעת חיוב עבור יתרת התקופה הנוכחית ({ $range }).
change-pay-restart = יש לשלם כעת { $amount } עבור תקופת חיוב חדשה שמתחילה ב-{ $date }, בניכוי החלק שלא נוצל מהתקופה הנוכחית.
change-credit-next-restart = יתקבל זיכוי בסך { $amount }, שינוצל בחשבונית הבאה, עבור תקופת חיוב חדשה שמתחילה ב-{ $date }, בניכוי החלק שלא נוצל מהתקופה הנוכחית.
change-credit-kept-restart = יתקבל זיכוי בסך { $amount }, שיישאר בחשבון, עבור תקופת חיוב חדשה שמתחילה ב-{ $date }, בניכוי החלק שלא נוצל מהתקופה הנוכחית.
change-nothing-restart = לא יבוצע כעת חיוב עבור תקופת חיוב חדשה שמתחילה ב-{ $date }, בניכוי החלק שלא נוצל מהתקופה הנוכחית.
change-stays-until = התנאים הנוכחיים נשארים בתוקף עד { $date }.
change-applies-from = השינוי חל החל מ-{ $date }, ללא חיוב או זיכוי עבור יתרת התקופה הנוכחית.
change-then = החל מ-{ $date } התשלום יהיה { $amount } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
}.
change-then-tax = החל מ-{ $date } התשלום יהיה { $amount } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
} כולל מס.
change-then-usage = החל מ-{ $date } התשלום יהיה { $amount } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
}, בתוספת חיוב לפי שימוש.
change-then-tax-usage = החל מ-{ $date } התשלום יהיה { $amount } { $period ->
    [P3M] לרבעון
    [P6M] ל-6 חודשים
    [P1Y] לשנה
   *[P1M] לחודש
} כולל מס, בתוספת חיוב לפי שימוש.
change-ends = החוזה מסתיים ב-{ $date }.
change-ends-before-change = החוזה מסתיים ב-{ $date }, לפני שהשינוי ייכנס לתוקף.
change-replaces-switch = שינוי זה מחליף את המעבר המתוכנן ל-{ $plan } ב-{ $date }.
change-replaces = שינוי זה מחליף את השינוי שתוכנן ל-{ $date }.

## What is wrong with a field the customer filled in ($max is a number)

problem-required = שדה חובה
problem-too-long = יש להזין לכל היותר { $max ->
    [one] תו אחד
    [two] שני תווים
   *[other] { $max } תווים
}
problem-control-characters = אין להזין תווי בקרה
problem-email = יש להזין כתובת דוא״ל תקינה, לדוגמה name@example.com
problem-country = יש להזין קוד מדינה בן 2 אותיות לפי ISO 3166, לדוגמה US או DE
problem-not-offered = יש לבחור אחת מהתוכניות המוצעות
problem-quantity = יש להזין מספר שלם בטווח המותר

## Why a promotion code cannot be used ($amount is money, $currency an ISO code such as EUR)

code-unknown = הקוד הזה אינו תקף
code-expired = פג תוקפו של הקוד הזה
code-used-up = הקוד הזה כבר נוצל במלואו
code-inactive = הקוד הזה כבר לא פעיל
code-not-for-plan = הקוד הזה אינו מיועד לתוכנית הזו
code-minimum = הקוד הזה מחייב הזמנה בסך { $amount } לפחות
code-first-purchase = הקוד הזה מיועד לרכישה ראשונה בלבד
code-currency = הקוד הזה מיועד למטבע { $currency }, אבל ההזמנה במטבע אחר
