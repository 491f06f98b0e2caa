## hosted-checkout: 決済ページの文言（日本語）。メッセージと変数は en.ftl と同じです。

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = 本文へスキップ
preview-label = プレビュー
preview-text = これは販売者向けのプレビューです。ここでの操作によってサブスクリプションが作成・変更されることはありません。
logo-alt = { $seller }のロゴ
footer = { $seller }の安全な決済ページです。価格はプランの通貨で表示されています。
language-label = 言語
language-submit = 言語を変更
date-range = { $start }～{ $end }

## Steps

steps-label = 購入手続きのステップ
step-plan = プラン
step-details = お客様情報
step-review = 確認

## Forms

error-summary-heading = フォームの内容をご確認ください
field-required = （必須）
field-error-item = { $label }: { $message }

## Prices in words

price-per-period = { $price }/{ $period ->
    [P3M] 四半期
    [P6M] 6か月
    [P1Y] 年
   *[P1M] 月
}
price-one-time = { $price }（1回限り）
price-usage = { $price }/{ $period ->
    [P3M] 四半期
    [P6M] 6か月
    [P1Y] 年
   *[P1M] 月
}（使用量に応じて請求）
price-per-unit = 1{ $unit }あたり { $price }
price-graduated = 1{ $unit }あたりの段階的料金
price-volume = 1{ $unit }あたりの数量ベース料金
price-package = { $size }{ $unit }ごとに { $price }
price-stepped = 段階的な定額料金
unit-default = 単位
tier-per-unit = 1{ $unit }あたり { $price }
tier-flat = 定額 { $price }
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = プランを選択
plan-heading-change = プランを変更
plan-intro-change = 現在のプランと新しいプランを比較してください。
plan-heading-quantity = サブスクリプションを更新
plan-intro-quantity = 数量やアドオンを調整してください。変更が確定する前に料金をご確認いただけます。
current-plan-heading = 現在のプラン: { $plan }
choose-plan = プランを選択してください
plan-legend = プラン
billed-every = { $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
}請求されます。
add-item = { $item }を追加
item-now = 現在: { $current }
item-fallback-name = 商品
item-on-current-plan = 現在のプランでは { $quantity }
item-off-current-plan = 現在のプランではオフ
item-quantity-now = 現在 { $quantity }
item-off-now = 現在オフ
item-off = オフ
item-times = { $quantity } × { $price }
tiers-caption = { $item }の段階別料金
tiers-quantity = 数量
tiers-price = 価格
quantity-label = 数量
quantity-range = （{ $min }–{ $max }）
quantity-fixed = 数量: { $quantity }
plan-continue = 次へ
summary-heading = 注文の概要
summary-due-today = 本日の請求額
summary-no-renewal = 契約は更新前に終了します。
summary-update = 合計を更新
summary-unavailable = すべての数量が有効になると、合計が表示されます。

## Details step

details-heading = お客様情報
details-lead = この情報は、サブスクリプションの設定と請求書の送付に使用します。
details-continue = 確認に進む
label-customer-name = 氏名
label-email = メールアドレス
label-company-name = 会社名
label-tax-id = 税務 ID
label-address-line1 = 住所（1行目）
label-address-line2 = 住所（2行目）
label-address-city = 市区町村
label-address-state = 都道府県 / 地域
label-address-postal-code = 郵便番号
label-address-country = 国（2文字のコード、例: JP）

## Review step

review-heading-new = 内容を確認して申し込む
review-heading-change = プラン変更の確認
review-heading-quantity = 変更内容の確認
review-change-from-to = { $from }から{ $to }へ
confirm-new = 確定して申し込む
confirm-change = 変更を確定
confirm-quantity = 変更を確定
subscription-fallback-name = サブスクリプション
dates-fixed = { $start }から{ $end }まで
dates-open = { $start }開始、キャンセルされるまで{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
}自動更新
dates-change = { $date }から変更を適用
billing-in-advance = { $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
}前払いで請求されます。価格は{ $currency }建てです。
change-takes-effect = 変更は{ $date }に適用されます。
line-times = { $name } × { $quantity }
billed-to = 請求先
no-next-invoice = 今後の請求はありません。次の期間が始まる前に契約が終了します。
estimate-changed = 前回の表示以降に価格が変更されました。確定する前に、更新された見積もりをご確認ください。
invoiced-today = 本日 { $amount } が請求されます。
nothing-invoiced-today = 本日の請求はありません。
then-recurring = { $date }以降は{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
} { $amount } が請求されます。
promotion-heading = プロモーションコード
promotion-applied = コード { $code } が適用されました。
promotion-remove = コードを削除
promotion-ask = プロモーションコードをお持ちですか？
promotion-another = 別のコードを使用
promotion-apply = 適用
cancel = キャンセル

## Invoices

invoice-first = 初回の請求書
invoice-now = 今回の請求書
invoice-next = 次回の請求書
invoice-lines-caption = { $heading }の明細
invoice-item = 項目
invoice-qty = 数量
invoice-unit-price = 単価
invoice-amount = 金額
invoice-empty = この期間の請求はありません。
invoice-subtotal = 小計
invoice-tax = 税（{ $rate }%）
invoice-total = 合計
invoice-amount-due = お支払い金額

## Status pages

status-preview-heading = プレビューが完了しました
status-preview-text = すべて問題ありませんでした。これはプレビューのため、サブスクリプションは作成も変更もされていません。
status-done-heading = 手続きが完了しました
status-done-new = サブスクリプションが確定しました。このページを閉じてもかまいません。
status-done-changed = サブスクリプションが更新されました。
status-cancelled-heading = 購入手続きがキャンセルされました
status-cancelled-text = 請求は発生しておらず、何も変更されていません。
status-expired-heading = この購入手続きは有効期限が切れています
status-expired-text = このリンクは無効になりました。販売者に新しいリンクを依頼してください。
status-open-heading = 購入手続き中
status-open-text = この購入手続きはまだ完了していません。
status-continue = 購入手続きを続ける

## Error page

error-not-found-heading = 購入手続きが見つかりません
error-not-found-text = この購入手続きのリンクは無効です。販売者に新しいリンクを依頼してください。
error-link-gone-heading = このリンクは無効になりました
error-link-gone-text = 販売者がこのお支払いリンクを無効にしました。新しいリンクを販売者にお問い合わせください。
error-forbidden-heading = セッションの有効期限が切れました
error-forbidden-text = セキュリティ保護のため、このフォームを送信できませんでした。前のページに戻り、ページを再読み込みしてから、もう一度お試しください。
error-unavailable-heading = まもなく復旧します
error-unavailable-text = 購入手続きは一時的にご利用いただけません。しばらくしてから、もう一度お試しください。
error-conflict-heading = この購入手続きは続行できません
error-too-many-heading = 試行回数が多すぎます
error-too-many-text = しばらく待ってから前のページに戻り、もう一度お試しください。請求は発生していません。
error-invalid-heading = 内容に問題があります
error-other-heading = 問題が発生しました
error-other-text = この手順を完了できませんでした。請求は発生していません。もう一度お試しください。
error-reference = 参照番号:
error-fallback-seller = 購入手続き

## What the estimate says (the engine gives the facts; these are its words)
## $item is the line's item (line-counted when a quantity shows); $range a date range; $date a
## date; $amount money; $days and $period-days are numbers of days (plural rules apply).

line-counted = { $quantity } × { $name }
line-recurring = { $item }、{ $range }
line-recurring-part = { $item }、{ $range }（{ $period-days }日のうち{ $days }日分）
line-one-time = { $item }（1回限りの料金）
line-trial = { $item }、無料トライアル、{ $range }
line-usage = { $item }、{ $range }（期間終了時に使用量に応じて請求）
line-proration-credit = { $item }の未使用期間、{ $range }
line-proration-charge = { $item }の残り期間、{ $range }
line-credit-name = クレジット
line-credit = { $date }の変更によるクレジット
line-discount-given-back = { $discount }（未使用期間分からすでに差し引き済み）

## Discounts: $discount is discount-label; $value is discount-percent-off or discount-amount-off;
## $percent is a formatted number; $months and $years are numbers.

discount-label = { $name }（{ $value }）
discount-percent-off = { $percent }%オフ
discount-amount-off = { $amount }オフ
discount-once = 最初の{ $period ->
    [P3M] 四半期
    [P6M] 6か月
    [P1Y] 1年
   *[P1M] 1か月
}は{ $value }、その後は{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
} { $amount } となります。
discount-months = { $months }か月間は{ $value }、その後は{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
} { $amount } となります。
discount-years = { $years }年間は{ $value }、その後は{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
} { $amount } となります。
discount-forever = { $value }が{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
}適用されます。

## Notes under an invoice

note-usage = 使用量に応じた料金は各期間の終了時に請求されるため、ここでは 0 と表示されます。
note-credit-later = { $amount }（税抜）のクレジットはアカウントに残り、今後の請求書に充当されます。
note-credit-next = 現時点でのお支払いはありません。{ $amount }（税抜）のクレジットは次回の請求書に充当されます。
note-credit-kept = 現時点でのお支払いはありません。{ $amount }（税抜）のクレジットはアカウントに保持されます。
note-ends-in-period = 契約は{ $date }に終了するため、この期間は{ $period-days }日のうち{ $days }日分が請求されます。
note-trial-until = { $date }まで無料トライアルです。
note-first-payment = 初回のお支払い（{ $amount }）は{ $date }です。
note-ends-in-trial = 契約は無料トライアル期間中に終了するため、請求は発生しません。
note-rest-covered = この期間の残り（{ $range }、{ $period-days }日のうち{ $days }日分）は、クレジットと料金で精算されます。
note-rest-credited = 現在のプランの未使用期間（{ $range }、{ $period-days }日のうち{ $days }日分）はクレジットとして計上されます。
note-change-later = 変更が適用される{ $date }までは、何も変わりません。
note-ends-before-change = 変更が適用される前に契約が終了します。
note-change-unprorated = 変更は{ $date }から適用されます。{ $range }の期間については、請求もクレジットも発生しません。
note-discount-replaced = { $date }以降、現在の割引 { $old } は { $new } に置き換わります。
note-discount-stays-until = 割引 { $discount } は{ $date }まで適用されます。
note-discount-stays = 割引 { $discount } は引き続き適用されます。
note-trial-change = { $date }まで無料トライアル中のため、今回の変更による請求やクレジットは現時点では発生しません。
note-discount-refused = { $discount } はご利用いただけません：{ $reason }。

## What a plan change does: one sentence for now, one for later, then what it replaces

change-trial = 変更は無料トライアル期間中に適用されるため、現時点での請求はありません。
change-pay-rest = この期間の残り（{ $range }）の料金として、今回 { $amount } をお支払いいただきます。
change-credit-next-rest = この期間の残り（{ $range }）について { $amount } のクレジットが付与され、次回の請求書に充当されます。
change-credit-kept-rest = この期間の残り（{ $range }）について { $amount } のクレジットが付与され、アカウントに保持されます。
change-nothing-rest = この期間の残り（{ $range }）について、現時点での請求はありません。
change-pay-restart = { $date }から始まる新しい請求期間の料金から、現在の期間の未使用分を差し引いた { $amount } を今回お支払いいただきます。
change-credit-next-restart = { $date }から始まる新しい請求期間の料金から現在の期間の未使用分を差し引いた結果、{ $amount } のクレジットが付与され、次回の請求書に充当されます。
change-credit-kept-restart = { $date }から始まる新しい請求期間の料金から現在の期間の未使用分を差し引いた結果、{ $amount } のクレジットが付与され、アカウントに保持されます。
change-nothing-restart = { $date }から始まる新しい請求期間の料金から現在の期間の未使用分を差し引いた結果、現時点での請求はありません。
change-stays-until = { $date }までは現在の条件が適用されます。
change-applies-from = 変更は{ $date }から適用されます。この期間の残りについては、請求もクレジットも発生しません。
change-then = { $date }以降は{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
} { $amount } をお支払いいただきます。
change-then-tax = { $date }以降は{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
} { $amount }（税込）をお支払いいただきます。
change-then-usage = { $date }以降は{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
} { $amount } に加えて、使用量に応じた料金をお支払いいただきます。
change-then-tax-usage = { $date }以降は{ $period ->
    [P3M] 四半期ごとに
    [P6M] 6か月ごとに
    [P1Y] 毎年
   *[P1M] 毎月
} { $amount }（税込）に加えて、使用量に応じた料金をお支払いいただきます。
change-ends = 契約は{ $date }に終了します。
change-ends-before-change = 契約は変更が適用される前の{ $date }に終了します。
change-replaces-switch = この変更は、{ $date }に予定されていた{ $plan }への切り替えに代わって適用されます。
change-replaces = この変更は、{ $date }に予定されていた変更に代わって適用されます。

## What is wrong with a field the customer filled in ($max is a number)

problem-required = 入力は必須です
problem-too-long = { $max }文字以内で入力してください
problem-control-characters = 制御文字は使用できません
problem-email = 有効なメールアドレスを入力してください（例: name@example.com）
problem-country = ISO 3166 の2文字の国コードを入力してください（例: JP、US）
problem-not-offered = 提供されているプランから選択してください
problem-quantity = 指定範囲内の整数を入力してください

## Why a promotion code cannot be used ($amount is money, $currency an ISO code such as EUR)

code-unknown = このコードは無効です
code-expired = このコードは有効期限が切れています
code-used-up = このコードは利用回数の上限に達しています
code-inactive = このコードは現在ご利用いただけません
code-not-for-plan = このコードはこのプランには使用できません
code-minimum = このコードのご利用には { $amount } 以上のご注文が必要です
code-first-purchase = このコードは初回購入時のみご利用いただけます
code-currency = このコードは{ $currency }建てですが、ご注文は別の通貨建てです
