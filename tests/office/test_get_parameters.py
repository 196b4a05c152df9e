"""GET parameters that once answered 500: each is ignored (page shown) or answers 404."""

import pytest

pytestmark = pytest.mark.django_db

CASES = [
    ("director", "/meetings/?q=%00", 200),
    ("director", "/meetings/?q=%00%E4%BC%9A", 200),
    ("director", "/meetings/board/?date=9999-12-31", 200),
    ("director", "/meetings/board/?date=0001-01-01", 200),
    ("director", "/meetings/board/?date=9999-12-31&view=day", 200),
    ("leader", "/duty/roster/?month=9999-12", 200),
    ("leader", "/duty/roster/?month=0001-01", 200),
    ("leader", "/duty/roster/xlsx/?month=9999-12", 200),
    ("leader", "/duty/roster/xlsx/?month=0001-01", 200),
    ("leader", "/duty/roster/?post=99999999999", 404),
    ("receptionist", "/reception/?date=9999-12-31", 200),
    ("receptionist", "/reception/?date=0001-01-01", 200),
    ("receptionist", "/reception/log/?date_from=9999-12-31", 200),
    ("receptionist", "/reception/log/?date_to=0001-01-01", 200),
    ("receptionist", "/reception/log/export.xlsx?date_from=9999-12-31", 200),
    ("receptionist", "/reception/summary/?date=9999-12-31", 200),
    ("receptionist", "/reception/summary/?date=0001-01-01", 200),
    ("supervisor", "/supervision/?month=9999-12", 200),
    ("supervisor", "/supervision/?month=0001-01", 200),
    ("supervisor", "/supervision/statistics/?month=0001-01", 200),
    ("supervisor", "/supervision/statistics/?month=9999-12", 200),
    ("supervisor", "/supervision/circular/99999999999/1/pdf/", 404),
    ("supervisor", "/supervision/circular/2026/13/pdf/", 404),
    ("supervisor", "/supervision/circular/1/1/pdf/", 404),
    ("director", "/calendar/%00.ics", 404),
    ("director", "/documents/search/?q=%00", 200),
]


@pytest.mark.parametrize(("role", "path", "status"), CASES)
def test_bad_get_parameters_never_answer_500(request, client_for, role, path, status):
    client = client_for(request.getfixturevalue(role))
    client.raise_request_exception = False
    response = client.get(path)
    assert response.status_code == status, path
