"""Exercises a client generated from /openapi.json (openapi-python-client) against a running
server: create a catalog, create and confirm a checkout session, and read a 422 problem through
the client's own types. CI runs it (.ci/run); it fails on any surprise.

    python3 scripts/openapi-client-check.py <generated package dir> <base url> <api key>
"""

import sys
from http import HTTPStatus

sys.path.insert(0, sys.argv[1])

from hc.client import AuthenticatedClient  # noqa: E402
from hc.api.catalog import create_customer, create_plan, create_product  # noqa: E402
from hc.api.checkouts import confirm_checkout, create_checkout  # noqa: E402
from hc.models import (  # noqa: E402
    CheckoutStatus,
    CheckoutView,
    CreateCheckout,
    NewCustomer,
    NewPlan,
    NewPlanItem,
    NewProduct,
    PricingInput,
    PricingType,
    Problem,
)


def expect(ok: bool, what: str) -> None:
    if not ok:
        raise SystemExit(f"openapi client check failed: {what}")


base, key = sys.argv[2], sys.argv[3]
client = AuthenticatedClient(base_url=base, token=key, prefix="", auth_header_name="x-api-key")

product = create_product.sync_detailed(client=client, body=NewProduct(name="Seats", unit_label="seat"))
expect(product.status_code == HTTPStatus.CREATED, f"create product: {product.status_code}")
plan = create_plan.sync_detailed(
    client=client,
    body=NewPlan(
        name="Team",
        currency="USD",
        billing_period="P1M",
        items=[
            NewPlanItem(
                product_id=product.parsed.id,
                pricing=PricingInput(pricing_type=PricingType.PER_UNIT, unit_amount=12.5),
                quantity=2,
            )
        ],
    ),
)
expect(plan.status_code == HTTPStatus.CREATED, f"create plan: {plan.status_code}")
customer = create_customer.sync_detailed(client=client, body=NewCustomer(customer_name="Ada"))
expect(customer.status_code == HTTPStatus.CREATED, f"create customer: {customer.status_code}")

created = create_checkout.sync_detailed(
    client=client,
    body=CreateCheckout(plan_id=plan.parsed.id, customer_id=customer.parsed.id),
)
expect(created.status_code == HTTPStatus.CREATED, f"create checkout: {created.status_code}")
session = created.parsed
expect(isinstance(session, CheckoutView), "create answers a CheckoutView")
expect(session.checkout_status == CheckoutStatus.OPEN, "a new session is open")
# Exact amounts survive as the JSON carried them (2 × 12.50).
expect(
    '"subtotal":25.00' in created.content.decode(),
    f"exact subtotal in the body: {created.content[:200]!r}",
)

confirmed = confirm_checkout.sync_detailed(str(session.id), client=client)
expect(confirmed.status_code == HTTPStatus.OK, f"confirm: {confirmed.status_code}")
expect(confirmed.parsed.checkout_status == CheckoutStatus.CONTRACT_CREATED, "confirmed")
expect(confirmed.parsed.contract_id is not None, "confirm names the contract")

invalid = create_checkout.sync_detailed(client=client, body=CreateCheckout(customer_id=customer.parsed.id))
expect(invalid.status_code == HTTPStatus.UNPROCESSABLE_ENTITY, f"422: {invalid.status_code}")
problem = invalid.parsed
expect(isinstance(problem, Problem), "a 422 reads as Problem")
expect(problem.status == 422, "problem.status")
fields = [e.field for e in problem.errors]
expect(fields == ["plan_id"], f"problem.errors names plan_id: {fields}")

print("openapi client check: create, confirm and a 422 problem through the generated client: ok")
