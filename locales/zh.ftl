## hosted-checkout：结账页面文案（简体中文）。消息与变量与 en.ftl 相同。

## Page frame (base.html)

page-title = { $title } · { $seller }
skip-link = 跳到主要内容
preview-label = 预览
preview-text = 这是商家预览。您在此处的任何操作都不会创建或更改订阅。
logo-alt = { $seller } 标志
footer = { $seller } 的安全结账页面。价格以方案的币种显示。
language-label = 语言
language-submit = 切换语言
date-range = { $start }～{ $end }

## Steps

steps-label = 结账步骤
step-plan = 方案
step-details = 信息
step-review = 确认

## Forms

error-summary-heading = 请检查表单
field-required = （必填）
field-error-item = { $label }：{ $message }

## Prices in words

price-per-period = { $price }/{ $period ->
    [P3M] 季度
    [P6M] 6 个月
    [P1Y] 年
   *[P1M] 月
}
price-one-time = { $price }（一次性）
price-usage = { $price }/{ $period ->
    [P3M] 季度
    [P6M] 6 个月
    [P1Y] 年
   *[P1M] 月
}，按用量计费
price-per-unit = 每{ $unit } { $price }
price-graduated = 每{ $unit }累进定价
price-volume = 每{ $unit }批量定价
price-package = 每 { $size } { $unit } { $price }
price-stepped = 阶梯固定价格
unit-default = 单位
tier-per-unit = 每{ $unit } { $price }
tier-flat = 固定费用 { $price }
tier-join = { $first } + { $second }

## Plan step

plan-heading-new = 选择您的方案
plan-heading-change = 更改您的方案
plan-intro-change = 比较您当前的方案与新方案。
plan-heading-quantity = 更新您的订阅
plan-intro-quantity = 调整数量和附加项；在任何更改生效之前，您都能看到费用。
current-plan-heading = 您当前的方案：{ $plan }
choose-plan = 选择方案
plan-legend = 方案
billed-every = { $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}计费一次。
add-item = 添加 { $item }
item-now = 当前：{ $current }
item-fallback-name = 项目
item-on-current-plan = 当前方案中为 { $quantity }
item-off-current-plan = 当前方案中未启用
item-quantity-now = 当前为 { $quantity }
item-off-now = 当前未启用
item-off = 未启用
item-times = { $quantity } × { $price }
tiers-caption = { $item } 的价格阶梯
tiers-quantity = 数量
tiers-price = 价格
quantity-label = 数量
quantity-range = （{ $min }–{ $max }）
quantity-fixed = 数量：{ $quantity }
plan-continue = 继续
summary-heading = 订单摘要
summary-due-today = 今日账单金额
summary-no-renewal = 合同将在续订前结束。
summary-update = 更新总额
summary-unavailable = 所有数量均有效后将显示总额。

## Details step

details-heading = 您的信息
details-lead = 我们将使用这些信息设置您的订阅并向您发送账单。
details-continue = 继续确认
label-customer-name = 姓名
label-email = 电子邮件
label-company-name = 公司
label-tax-id = 税号
label-address-line1 = 地址第 1 行
label-address-line2 = 地址第 2 行
label-address-city = 城市
label-address-state = 省/州/地区
label-address-postal-code = 邮政编码
label-address-country = 国家/地区（2 位字母代码，例如 CN）

## Review step

review-heading-new = 确认并订阅
review-heading-change = 确认方案变更
review-heading-quantity = 确认您的更改
review-change-from-to = 从 { $from } 更改为 { $to }
confirm-new = 确认并订阅
confirm-change = 确认变更
confirm-quantity = 确认更改
subscription-fallback-name = 订阅
dates-fixed = 自 { $start } 至 { $end }
dates-open = { $start } 开始，{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}自动续订，直至取消
dates-change = 变更自 { $date } 起生效
billing-in-advance = { $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}预先计费。价格以 { $currency } 计。
change-takes-effect = 变更将于 { $date } 生效。
line-times = { $name } × { $quantity }
billed-to = 账单接收方
no-next-invoice = 不会再有后续账单：合同将在下一个周期开始前结束。
estimate-changed = 自您上次查看以来，价格已发生变化。请在确认前查看更新后的估算。
invoiced-today = 今天将向您开具 { $amount } 的账单。
nothing-invoiced-today = 今天不会开具任何账单。
then-recurring = 之后自 { $date } 起，{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}收取 { $amount }。
promotion-heading = 促销码
promotion-applied = 已应用促销码 { $code }。
promotion-remove = 移除促销码
promotion-ask = 有促销码吗？
promotion-another = 使用其他促销码
promotion-apply = 应用
cancel = 取消

## Invoices

invoice-first = 首期账单
invoice-now = 本期账单
invoice-next = 下期账单
invoice-lines-caption = { $heading } 明细
invoice-item = 项目
invoice-qty = 数量
invoice-unit-price = 单价
invoice-amount = 金额
invoice-empty = 本期不收取任何费用。
invoice-subtotal = 小计
invoice-tax = 税费（{ $rate }%）
invoice-total = 总计
invoice-amount-due = 应付金额

## Status pages

status-preview-heading = 预览完成
status-preview-text = 一切检查无误。这只是预览，因此未创建或更改任何订阅。
status-done-heading = 全部完成
status-done-new = 您的订阅已确认。您可以关闭此页面。
status-done-changed = 您的订阅已更新。
status-cancelled-heading = 结账已取消
status-cancelled-text = 未收取任何费用，也未做任何更改。
status-expired-heading = 此结账页面已过期
status-expired-text = 该链接已失效。请向卖家索取新链接。
status-open-heading = 结账进行中
status-open-text = 此结账尚未完成。
status-continue = 继续结账

## Error page

error-not-found-heading = 未找到结账页面
error-not-found-text = 此结账链接无效。请向卖家索取新链接。
error-link-gone-heading = 此链接已失效
error-link-gone-text = 卖家已停用此结账链接。请向卖家索取新的链接。
error-forbidden-heading = 您的会话已过期
error-forbidden-text = 为保障您的安全，此表单未能提交。请返回，重新加载页面后再试一次。
error-unavailable-heading = 我们马上回来
error-unavailable-text = 结账服务暂时不可用。请稍后重试。
error-conflict-heading = 此结账无法继续
error-too-many-heading = 尝试次数过多
error-too-many-text = 请稍候片刻，然后返回重试。未收取任何费用。
error-invalid-heading = 有些内容不正确
error-other-heading = 出错了
error-other-text = 我们无法完成此步骤。未收取任何费用。请重试。
error-reference = 参考编号：
error-fallback-seller = 结账

## What the estimate says (the engine gives the facts; these are its words)
## $item is the line's item (line-counted when a quantity shows); $range a date range; $date a
## date; $amount money; $days and $period-days are numbers of days (plural rules apply).

line-counted = { $quantity } × { $name }
line-recurring = { $item }，{ $range }
line-recurring-part = { $item }，{ $range }（{ $period-days } 天中的 { $days } 天）
line-one-time = { $item }，一次性费用
line-trial = { $item }，免费试用，{ $range }
line-usage = { $item }，{ $range }，于周期结束时按实际用量计费
line-proration-credit = { $item } 的未使用时间，{ $range }
line-proration-charge = { $item } 的剩余时间，{ $range }
line-credit-name = 抵扣额
line-credit = 您于 { $date } 进行变更所产生的抵扣额
line-discount-given-back = { $discount }，已从未使用时间的金额中扣除

## Discounts: $discount is discount-label; $value is discount-percent-off or discount-amount-off;
## $percent is a formatted number; $months and $years are numbers.

discount-label = { $name }（{ $value }）
discount-percent-off = 优惠 { $percent }%
discount-amount-off = 优惠 { $amount }
discount-once = 首{ $period ->
    [P3M] 季度
    [P6M] 6 个月
    [P1Y] 年
   *[P1M] 月
}{ $value }，之后{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}收取 { $amount }。
discount-months = 前 { $months } 个月{ $value }，之后{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}收取 { $amount }。
discount-years = 前 { $years } 年{ $value }，之后{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}收取 { $amount }。
discount-forever = { $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}均享{ $value }。

## Notes under an invoice

note-usage = 用量费用在每个周期结束时按实际用量计费，此处显示为 0。
note-credit-later = { $amount }（税前）的抵扣额将保留在您的账户中，用于后续账单。
note-credit-next = 目前无需付款。您的 { $amount }（税前）抵扣额将用于下期账单。
note-credit-kept = 目前无需付款。您的 { $amount }（税前）抵扣额将保留在您的账户中。
note-ends-in-period = 您的合同将于 { $date } 结束，因此本期按 { $period-days } 天中的 { $days } 天计费。
note-trial-until = 免费试用至 { $date }。
note-first-payment = 您的首次付款 { $amount } 将于 { $date } 收取。
note-ends-in-trial = 您的合同将在免费试用期内结束，因此不会收取任何费用。
note-rest-covered = 本期剩余时间（{ $range }，{ $period-days } 天中的 { $days } 天）已通过抵扣额和费用结算。
note-rest-credited = 您当前方案的未使用时间（{ $range }，{ $period-days } 天中的 { $days } 天）将计入抵扣额。
note-change-later = 在变更于 { $date } 生效之前，一切保持不变。
note-ends-before-change = 您的合同将在变更生效前结束。
note-change-unprorated = 变更自 { $date } 起生效；{ $range } 期间既不收费，也不产生抵扣额。
note-discount-replaced = 自 { $date } 起，{ $new } 将取代您的折扣 { $old }。
note-discount-stays-until = 您的折扣 { $discount } 将保留至 { $date }。
note-discount-stays = 您的折扣 { $discount } 将继续保留。
note-trial-change = 您正处于免费试用期（至 { $date }），因此此次变更目前既不收费，也不产生抵扣额。
note-discount-refused = 无法使用 { $discount }：{ $reason }。

## What a plan change does: one sentence for now, one for later, then what it replaces

change-trial = 变更在您的免费试用期内生效，因此目前不收取任何费用。
change-pay-rest = 您现在需为本期剩余时间（{ $range }）支付 { $amount }。
change-credit-next-rest = 您将获得本期剩余时间（{ $range }）的 { $amount } 抵扣额，用于下期账单。
change-credit-kept-rest = 您将获得本期剩余时间（{ $range }）的 { $amount } 抵扣额，保留在您的账户中。
change-nothing-rest = 本期剩余时间（{ $range }）目前不收取任何费用。
change-pay-restart = 按自 { $date } 开始的新计费周期计算，并扣除当前周期未使用的部分后，您现在需支付 { $amount }。
change-credit-next-restart = 按自 { $date } 开始的新计费周期计算，并扣除当前周期未使用的部分后，您将获得 { $amount } 的抵扣额，用于下期账单。
change-credit-kept-restart = 按自 { $date } 开始的新计费周期计算，并扣除当前周期未使用的部分后，您将获得 { $amount } 的抵扣额，保留在您的账户中。
change-nothing-restart = 按自 { $date } 开始的新计费周期计算，并扣除当前周期未使用的部分后，目前不收取任何费用。
change-stays-until = 您当前的条款将保持至 { $date }。
change-applies-from = 变更自 { $date } 起生效，本期剩余时间既不收费，也不产生抵扣额。
change-then = 自 { $date } 起，您{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}支付 { $amount }。
change-then-tax = 自 { $date } 起，您{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}支付 { $amount }（含税）。
change-then-usage = 自 { $date } 起，您{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}支付 { $amount }，另加用量费用。
change-then-tax-usage = 自 { $date } 起，您{ $period ->
    [P3M] 每季度
    [P6M] 每 6 个月
    [P1Y] 每年
   *[P1M] 每月
}支付 { $amount }（含税），另加用量费用。
change-ends = 您的合同将于 { $date } 结束。
change-ends-before-change = 您的合同将于 { $date } 结束，早于变更生效时间。
change-replaces-switch = 此操作将取代您原定于 { $date } 切换至 { $plan } 的安排。
change-replaces = 此操作将取代您原定于 { $date } 进行的变更。

## What is wrong with a field the customer filled in ($max is a number)

problem-required = 为必填项
problem-too-long = 不能超过 { $max } 个字符
problem-control-characters = 不能包含控制字符
problem-email = 请输入有效的电子邮件地址，例如 name@example.com
problem-country = 必须是 ISO 3166 两位字母国家/地区代码，例如 US 或 DE
problem-not-offered = 请从提供的方案中选择一个
problem-quantity = 请输入允许范围内的整数

## Why a promotion code cannot be used ($amount is money, $currency an ISO code such as EUR)

code-unknown = 此促销码无效
code-expired = 此促销码已过期
code-used-up = 此促销码的使用次数已用完
code-inactive = 此促销码已停用
code-not-for-plan = 此促销码不适用于此方案
code-minimum = 此促销码要求订单金额至少为 { $amount }
code-first-purchase = 此促销码仅限首次购买使用
code-currency = 此促销码的币种为 { $currency }，但订单使用的是其他币种
