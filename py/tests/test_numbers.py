"""Number search, purchase and lists walked to the end; the local number helpers."""

from __future__ import annotations

import pytest

import phonecom
from phonecom import numbers


def test_search_with_filters_and_sort(client: phonecom.Client) -> None:
    page = client.v4.list_available_phone_numbers(
        filters={"npa": "eq:858", "price": "lt:149"}, sort={"price": "asc"}, limit=10
    )
    items = page["items"]
    assert 0 < len(items) <= 10 and page["total"] >= len(items)
    assert all(n["npa"] == "858" and n["price"] < 149 for n in items)
    prices = [n["price"] for n in items]
    assert prices == sorted(prices)
    # several conditions on one field
    both = client.v4.list_available_phone_numbers(filters={"price": ["gte:10", "lt:20"]}, limit=50)
    assert all(10 <= n["price"] < 20 for n in both["items"])


def test_purchase_then_list_the_account_numbers(client: phonecom.Client) -> None:
    cheapest = client.v4.list_available_phone_numbers(filters={"npa": "eq:619"}, sort={"price": "asc"}, limit=1)["items"][0]
    bought = client.v4.create_account_phone_number(phone_number=cheapest["phone_number"], name="Main line")
    assert bought["phone_number"] == cheapest["phone_number"]
    mine = list(client.v4.list_account_phone_numbers.iter())
    assert [n["phone_number"] for n in mine] == [cheapest["phone_number"]]
    assert client.v4.get_account_phone_number(number_id=bought["id"])["name"] == "Main line"
    # it is no longer available
    with pytest.raises(phonecom.ValidationError) as e:
        client.v4.create_account_phone_number(phone_number=cheapest["phone_number"])
    assert e.value.status == 422 and any(f.field == "phone_number" for f in e.value.fields)


def test_iter_walks_every_page_lazily(client: phonecom.Client) -> None:
    total = client.v4.list_available_phone_numbers(filters={"npa": "eq:858"}, limit=1)["total"]
    assert total > 25
    seen = [n["phone_number"] for n in client.v4.list_available_phone_numbers.iter(filters={"npa": "eq:858"}, limit=7)]
    assert len(seen) == total and len(set(seen)) == total
    pages = list(client.v4.list_available_phone_numbers.pages(filters={"npa": "eq:858"}, limit=10))
    assert len(pages) == -(-total // 10)
    assert [p["offset"] for p in pages] == list(range(0, total, 10))
    assert all(p["request_id"] for p in pages)
    # lazy: taking three rows fetches one page
    it = client.v4.list_available_phone_numbers.iter(limit=3)
    first = [next(it) for _ in range(3)]
    assert len(first) == 3


def test_whole_inventory_to_the_end(client: phonecom.Client) -> None:
    total = client.v4.list_available_phone_numbers(limit=1)["total"]
    rows = sum(1 for _ in client.v4.list_available_phone_numbers.iter(limit=500))
    assert rows == total


def test_paging_refuses_non_lists_and_bad_limits(client: phonecom.Client) -> None:
    with pytest.raises(phonecom.ValidationError, match="not a pageable list"):
        next(client.v4.get_account.iter())
    with pytest.raises(phonecom.ValidationError, match="limit"):
        next(client.v4.list_accounts.iter(limit=501))


def test_e164_and_vanity_helpers() -> None:
    assert numbers.normalize_e164("1 (858) 555-0100") == "+18585550100"
    assert numbers.normalize_e164("858.555.0100") == "+18585550100"
    assert numbers.is_e164("+442071838750") and not numbers.is_e164("18585550100")
    numbers.check_e164("+18585550100")
    with pytest.raises(phonecom.ValidationError) as e:
        numbers.check_e164("858-555")
    assert e.value.fields[0].field == "number" and "E.164" in str(e.value)
    assert numbers.is_nanpa("+18585550100") and not numbers.is_nanpa("+442071838750")
    assert numbers.vanity_to_digits("1-800-FLOWERS") == "18003569377"
    assert numbers.vanity_to_digits("858*CALL") == "858*2255"
    with pytest.raises(phonecom.ValidationError):
        numbers.vanity_to_digits("8%8")
    assert numbers.letter_digit("c") == "2" and numbers.letter_digit("1") is None
