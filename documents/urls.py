from django.urls import path

from .views import archive, incoming, notices, outgoing, search

app_name = "documents"

urlpatterns = [
    path("", incoming.incoming_list, name="index"),
    # Incoming (收文)
    path("incoming/", incoming.incoming_list, name="incoming_list"),
    path("incoming/new/", incoming.incoming_register, name="incoming_register"),
    path("incoming/<int:pk>/", incoming.incoming_detail, name="incoming_detail"),
    path("incoming/<int:pk>/propose/", incoming.incoming_propose, name="incoming_propose"),
    path("incoming/<int:pk>/instruct/", incoming.incoming_instruct, name="incoming_instruct"),
    path("incoming/<int:pk>/circulate/", incoming.incoming_circulate, name="incoming_circulate"),
    path("incoming/<int:pk>/read/", incoming.incoming_read, name="incoming_read"),
    path("incoming/<int:pk>/chase/", incoming.incoming_chase, name="incoming_chase"),
    path("incoming/<int:pk>/result/", incoming.incoming_result, name="incoming_result"),
    path("incoming/<int:pk>/complete/", incoming.incoming_complete, name="incoming_complete"),
    path("incoming/<int:pk>/return/", incoming.incoming_return, name="incoming_return"),
    path("incoming/<int:pk>/archive/", archive.incoming_archive, name="incoming_archive"),
    path("incoming/<int:pk>/access/", incoming.access_grant, name="incoming_access"),
    path(
        "incoming/<int:pk>/access/<int:user_pk>/revoke/",
        incoming.access_revoke,
        name="incoming_access_revoke",
    ),
    path("incoming/<int:pk>/pdf/", incoming.incoming_pdf, name="incoming_pdf"),
    path(
        "incoming/<int:pk>/attachments/new/",
        incoming.incoming_attachment_add,
        name="incoming_attachment_add",
    ),
    path(
        "incoming/<int:pk>/attachments/<int:attachment_pk>/",
        incoming.incoming_attachment,
        name="incoming_attachment",
    ),
    # Outgoing (发文)
    path("outgoing/", outgoing.outgoing_list, name="outgoing_list"),
    path("outgoing/new/", outgoing.outgoing_create, name="outgoing_create"),
    path("outgoing/<int:pk>/", outgoing.outgoing_detail, name="outgoing_detail"),
    path("outgoing/<int:pk>/edit/", outgoing.outgoing_edit, name="outgoing_edit"),
    path(
        "outgoing/<int:pk>/versions/<int:number>/",
        outgoing.outgoing_version,
        name="outgoing_version",
    ),
    path("outgoing/<int:pk>/submit/", outgoing.outgoing_submit, name="outgoing_submit"),
    path("outgoing/<int:pk>/review/", outgoing.outgoing_review, name="outgoing_review"),
    path("outgoing/<int:pk>/sign/", outgoing.outgoing_sign, name="outgoing_sign"),
    path("outgoing/<int:pk>/return/", outgoing.outgoing_return, name="outgoing_return"),
    path("outgoing/<int:pk>/issue/", outgoing.outgoing_issue, name="outgoing_issue"),
    path(
        "outgoing/<int:pk>/countersign/<int:row_pk>/",
        outgoing.outgoing_countersign,
        name="outgoing_countersign",
    ),
    path(
        "outgoing/<int:pk>/countersign/<int:row_pk>/signer/",
        outgoing.outgoing_countersigner,
        name="outgoing_countersigner",
    ),
    path("outgoing/<int:pk>/archive/", archive.outgoing_archive, name="outgoing_archive"),
    path(
        "outgoing/<int:pk>/access/",
        incoming.access_grant,
        {"kind": "outgoing"},
        name="outgoing_access",
    ),
    path(
        "outgoing/<int:pk>/access/<int:user_pk>/revoke/",
        incoming.access_revoke,
        {"kind": "outgoing"},
        name="outgoing_access_revoke",
    ),
    path("outgoing/<int:pk>/pdf/", outgoing.outgoing_pdf, name="outgoing_pdf"),
    path("outgoing/<int:pk>/sheet.pdf", outgoing.outgoing_sheet_pdf, name="outgoing_sheet_pdf"),
    path(
        "outgoing/<int:pk>/attachments/<int:attachment_pk>/",
        outgoing.outgoing_attachment,
        name="outgoing_attachment",
    ),
    # Archive (归档)
    path("archive/", archive.archive_catalogue, name="archive_catalogue"),
    path("archive/catalogue.pdf", archive.catalogue_pdf, name="archive_catalogue_pdf"),
    path("archive/catalogue.xlsx", archive.catalogue_xlsx, name="archive_catalogue_xlsx"),
    # Notices (通知公告)
    path("notices/", notices.notice_list, name="notice_list"),
    path("notices/new/", notices.notice_create, name="notice_create"),
    path("notices/<int:pk>/", notices.notice_detail, name="notice_detail"),
    path("notices/<int:pk>/edit/", notices.notice_edit, name="notice_edit"),
    path("notices/<int:pk>/publish/", notices.notice_publish, name="notice_publish"),
    path("notices/<int:pk>/withdraw/", notices.notice_withdraw, name="notice_withdraw"),
    path("notices/<int:pk>/redraft/", notices.notice_redraft, name="notice_redraft"),
    path("notices/<int:pk>/pin/", notices.notice_pin, name="notice_pin"),
    path("notices/<int:pk>/pdf/", notices.notice_pdf, name="notice_pdf"),
    # Search and the confidential access log
    path("search/", search.search, name="search"),
    path("access-log/", search.access_log, name="access_log"),
]
