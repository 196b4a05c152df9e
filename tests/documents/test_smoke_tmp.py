def test_pages(client_for, clerk, director, incoming, outgoing):
    for user in (clerk, director):
        c = client_for(user)
        for url in ["/documents/", "/documents/outgoing/", "/documents/notices/", "/documents/search/?q=会议",
                    "/documents/archive/", incoming.get_absolute_url(), outgoing.get_absolute_url(),
                    "/documents/outgoing/new/", f"/documents/incoming/{incoming.pk}/pdf/",
                    f"/documents/outgoing/{outgoing.pk}/pdf/", f"/documents/outgoing/{outgoing.pk}/sheet.pdf", "/"]:
            r = c.get(url)
            assert r.status_code == 200, (url, r.status_code)
