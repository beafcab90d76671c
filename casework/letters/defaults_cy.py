"""The Welsh letter templates a new landlord starts with (issue 7: letters in the resident's
language where a translation exists), the same letters as the English defaults in
casework/letters/defaults.py, in plain Welsh.

Created by migration casework 0010; the complaints officer edits them in the admin (Letter
templates). Each keeps the placeholder of every element its letter must contain (Code 5.6, 6.2,
6.4, 6.9, 6.11, 6.19, 2.4 and 3.7, as casework/letters/rules.py requires). Plain data only: the
migration imports this module.

Each paragraph is one line, as staff see and edit it in the admin.
"""

# ruff: noqa: E501

WELSH = "cy"

WELSH_LETTER_TEMPLATES: dict[str, tuple[str, str]] = {
    "stage1_acknowledgement": (
        "Rydym wedi cael eich cwyn {{ reference }}",
        """Annwyl {{ resident_name }},

Diolch am ddweud wrthym beth aeth o'i le. Rydym wedi cofnodi eich cwyn. Mae'r llythyr hwn yn cadarnhau beth fydd yn digwydd nesaf.

# Ble mae eich cwyn

{{ stage }}

# Beth rydym yn ei ddeall yw eich cwyn

{{ complaint_definition }}

Os ydym wedi cael unrhyw beth yn anghywir, neu wedi gadael rhywbeth allan, rhowch wybod i ni cyn gynted ag y gallwch.

{{ responsibility }}

# Pryd y byddwch yn clywed gennym

Byddwn yn anfon ein hateb atoch erbyn {{ response_date }}. Os bydd angen mwy o amser arnom, byddwn yn ysgrifennu atoch i ddweud pam ac i roi dyddiad newydd i chi.

# Ein polisi cwynion

Gallwch ddarllen sut rydym yn delio â chwynion yn {{ policy_link }}

# Yr Ombwdsmon Tai

Gallwch ofyn i'r Ombwdsmon am gyngor am ddim ar unrhyw adeg tra byddwn yn delio â'ch cwyn.

{{ ombudsman }}

Os oes gennych unrhyw gwestiynau, ffoniwch ni ar {{ phone }} neu anfonwch e-bost at {{ email }}. Rhowch y cyfeirnod {{ reference }}.""",
    ),
    "stage2_acknowledgement": (
        "Rydym wedi cael eich cais am gam 2: {{ reference }}",
        """Annwyl {{ resident_name }},

Diolch am ofyn i ni edrych ar eich cwyn eto. Bydd rhywun na wnaeth ddelio â hi yng ngham 1 yn ei hadolygu nawr.

# Ble mae eich cwyn

{{ stage }}

# Beth rydym yn ei ddeall sy'n dal i'ch poeni

{{ complaint_definition }}

Os ydym wedi cael unrhyw beth yn anghywir, neu wedi gadael rhywbeth allan, rhowch wybod i ni cyn gynted ag y gallwch.

{{ responsibility }}

# Pryd y byddwch yn clywed gennym

Byddwn yn anfon ein hateb terfynol atoch erbyn {{ response_date }}. Os bydd angen mwy o amser arnom, byddwn yn ysgrifennu atoch i ddweud pam ac i roi dyddiad newydd i chi.

# Ein polisi cwynion

Gallwch ddarllen sut rydym yn delio â chwynion yn {{ policy_link }}

# Yr Ombwdsmon Tai

Gallwch ofyn i'r Ombwdsmon am gyngor am ddim ar unrhyw adeg.

{{ ombudsman }}

Os oes gennych unrhyw gwestiynau, ffoniwch ni ar {{ phone }} neu anfonwch e-bost at {{ email }}. Rhowch y cyfeirnod {{ reference }}.""",
    ),
    "extension": (
        "Mae angen mwy o amser arnom i ateb eich cwyn {{ reference }}",
        """Annwyl {{ resident_name }},

Mae'n ddrwg gennym, ond ni allwn ateb eich cwyn erbyn y dyddiad a roesom i chi.

{{ stage }}

# Pam mae angen mwy o amser arnom

{{ extension_reason }}

# Eich dyddiad newydd

Byddwn yn anfon ein hateb atoch erbyn {{ new_response_date }}.

# Os ydych chi'n anhapus â hyn

Gallwch gysylltu â'r Ombwdsmon Tai. Gallant roi cyngor am ddim i chi.

{{ ombudsman }}

Os oes gennych unrhyw gwestiynau, ffoniwch ni ar {{ phone }} neu anfonwch e-bost at {{ email }}. Rhowch y cyfeirnod {{ reference }}.""",
    ),
    "stage1_response": (
        "Ein hateb i'ch cwyn {{ reference }}",
        """Annwyl {{ resident_name }},

Diolch am eich amynedd tra buom yn ymchwilio i'ch cwyn. Mae'r llythyr hwn yn rhoi ein hateb i chi.

# Ble mae eich cwyn

{{ stage }}

# Beth oedd eich cwyn

{{ complaint_definition }}

# Ein penderfyniad

{{ decision }}

# Pam y gwnaethom y penderfyniad hwn

{{ reasons }}

# Beth fyddwn yn ei wneud i unioni pethau

{{ remedies }}

# Beth sydd i'w wneud o hyd

{{ outstanding_actions }}

# Os nad ydych yn hapus â'n hateb

{{ escalation }}

Os oes gennych unrhyw gwestiynau, ffoniwch ni ar {{ phone }} neu anfonwch e-bost at {{ email }}. Rhowch y cyfeirnod {{ reference }}.""",
    ),
    "stage2_response": (
        "Ein hateb terfynol i'ch cwyn {{ reference }}",
        """Annwyl {{ resident_name }},

Diolch am eich amynedd tra buom yn edrych ar eich cwyn eto. Mae'r llythyr hwn yn rhoi ein hateb terfynol i chi.

# Ble mae eich cwyn

{{ stage }}

# Beth y gofynnoch i ni edrych arno eto

{{ complaint_definition }}

# Ein penderfyniad

{{ decision }}

# Pam y gwnaethom y penderfyniad hwn

{{ reasons }}

# Beth fyddwn yn ei wneud i unioni pethau

{{ remedies }}

# Beth sydd i'w wneud o hyd

{{ outstanding_actions }}

# Os nad ydych yn hapus o hyd

{{ escalation }}

{{ ombudsman }}

Os oes gennych unrhyw gwestiynau, ffoniwch ni ar {{ phone }} neu anfonwch e-bost at {{ email }}. Rhowch y cyfeirnod {{ reference }}.""",
    ),
    "refusal_to_accept": (
        "Ni allwn fwrw ymlaen â'ch cwyn: {{ reference }}",
        """Annwyl {{ resident_name }},

Diolch am gysylltu â ni. Rydym wedi edrych yn ofalus ar yr hyn a ddywedoch wrthym. Mae'n ddrwg gennym, ond ni allwn ddelio ag ef drwy ein proses gwynion.

# Y rheswm

{{ refusal_reason }}

# Pam mae hyn yn berthnasol i chi

{{ refusal_explanation }}

# Os ydych yn anghytuno

{{ ombudsman_review }}

{{ ombudsman }}

Os ydych chi'n meddwl ein bod wedi cael y ffeithiau'n anghywir, neu fod rhywbeth nad oeddem yn ei wybod, rhowch wybod i ni. Ffoniwch ni ar {{ phone }} neu anfonwch e-bost at {{ email }}. Rhowch y cyfeirnod {{ reference }}.""",
    ),
    "refusal_to_escalate": (
        "Ni allwn fynd â'ch cwyn i gam 2: {{ reference }}",
        """Annwyl {{ resident_name }},

Diolch am ofyn i ni edrych ar eich cwyn eto. Rydym wedi meddwl yn ofalus am eich cais. Mae'n ddrwg gennym, ond ni allwn fynd â hi i gam 2.

# Y rheswm

{{ refusal_reason }}

# Pam mae hyn yn berthnasol i chi

{{ refusal_explanation }}

# Os ydych yn anghytuno

{{ ombudsman_review }}

{{ ombudsman }}

Os ydych chi'n meddwl ein bod wedi cael y ffeithiau'n anghywir, neu fod rhywbeth nad oeddem yn ei wybod, rhowch wybod i ni. Ffoniwch ni ar {{ phone }} neu anfonwch e-bost at {{ email }}. Rhowch y cyfeirnod {{ reference }}.""",
    ),
    "update": (
        "Y newyddion diweddaraf am eich cwyn {{ reference }}",
        """Annwyl {{ resident_name }},

Fe wnaethom gytuno i roi'r newyddion diweddaraf i chi tra byddwn yn gweithio ar eich cwyn. Dyma ble mae pethau.

{{ stage }}

# Beth sydd wedi digwydd

{{ progress }}

# Pryd y cewch ein hateb

Rydym yn disgwyl anfon ein hateb atoch erbyn {{ response_date }}.

# Pryd y byddwn mewn cysylltiad nesaf

Byddwn yn rhoi'r newyddion diweddaraf i chi eto erbyn {{ next_update_date }}, neu'n gynt os bydd newyddion.

Os oes gennych unrhyw gwestiynau, ffoniwch ni ar {{ phone }} neu anfonwch e-bost at {{ email }}. Rhowch y cyfeirnod {{ reference }}.""",
    ),
    "clarification": (
        "Helpwch ni i ddeall eich cwyn {{ reference }}",
        """Annwyl {{ resident_name }},

Diolch am eich cwyn. Rydym am wneud yn siŵr ein bod yn ymchwilio i'r pethau cywir, felly mae angen i ni wirio ychydig o bwyntiau gyda chi.

# Beth rydym yn ei ddeall hyd yma

{{ complaint_definition }}

# Beth mae angen i ni ei wybod

{{ clarification_questions }}

# Atebwch erbyn {{ reply_by }}

Gallwch ein ffonio ar {{ phone }}, anfon e-bost at {{ email }} neu ysgrifennu atom. Rhowch y cyfeirnod {{ reference }}. Os oes angen help arnoch i ateb, neu fwy o amser, rhowch wybod i ni.""",
    ),
}
