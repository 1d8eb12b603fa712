"""In-app help: for every page, what it is for, what CMS does with its result, and the rules behind
its checks with the Cisco document each rule comes from (see ../shared/docs/cms-certificates.md).

Texts are `N_()` templates translated through the same catalogue as the rest of the GUI, so the
translation tests cover them (complete, placeholders, no English left in zh_TW). `<code>` spans hold
commands and file names exactly as typed on the MMP; they are never translated.

A page gets its help from `HELP` by its class name, or from its own `help_content` class attribute
(pages added later can do either; see WizardPage.page_help).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from cmswizard.gui.i18n import translated
from cmswizard.pki.errors import N_


@dataclass(frozen=True)
class Rule:
    """One rule behind a check. `anchor` is the field name field messages use (e.g. "CN"), so a field
    message's help link lands here."""

    anchor: str
    text: str
    source: str


@dataclass(frozen=True)
class PageHelp:
    purpose: str
    on_cms: str
    rules: tuple[Rule, ...] = ()


# Each source starts with its short name in docs/cms-reference.md's sources table (a test holds them together).
TAC_214618 = N_("TAC 214618: Generate a CSR for CMS (pki csr syntax, database certificates, applying certificates)")
TAC_221729 = N_("TAC 221729: Configure CMS Edge (Web Bridge 3, C2W, full-chain files)")
TAC_217367 = N_("TAC 217367: Configure CMS Scheduler (C2W trust of every Web Bridge 3)")
TAC_215421 = N_("TAC 215421: expired database cluster certificates (back up every node first)")
TAC_216549 = N_("TAC 216549: an expired database certificate takes the database cluster down")
TAC_210530 = N_("TAC 210530: database cluster with enterprise-CA certificates")
TAC_213820 = N_("TAC 213820: CMS as CUCM conference bridge over TLS")
TAC_222766 = N_("TAC 222766: TLS settings apply on a Call Bridge restart")
TAC_212298 = N_("TAC 212298: Web Admin on a non-standard port such as 445")
TAC_225723 = N_("TAC 225723: public CAs move to server-only certificates (Chrome Root Program)")
CISCO_LIVE = N_("Cisco Live lab: the CMS lab at cmslab.ciscolive.com")
SR_GUIDE = N_("S&R guide 2.0: Deploying TURN servers (turn tls 447 beside a web bridge on 443)")
PA_SECURITY = N_("PA 12.x Security: Server and Client Authentication in the extended key usage")
CMS_FAQ = N_("FAQ: What information is required to create a CSR")
RFC_8446 = N_("RFC 8446: a TLS server may leave out its root (section 4.4.2)")
RFC_6120 = N_("RFC 6120: the XMPP domain in the server certificate")
NO_CISCO_TEXT = N_("none: no readable Cisco text decides this; the wizard takes the careful choice")

HELP: dict[str, PageHelp] = {
    "StartPage": PageHelp(
        N_(
            "Choose one job: make keys and CSRs, build a bundle from what your CA sent back, make database "
            "cluster certificates, check files, or get the commands for the CMS and copy the files to a USB stick."
        ),
        N_("Nothing yet: each job ends with files and the exact MMP commands that put them to use."),
        (
            Rule(
                "order",
                N_("Usual order: CSR, then the CA signs it, then the bundle, then the commands and the stick."),
                TAC_214618,
            ),
        ),
    ),
    "DeploymentPage": PageHelp(
        N_(
            "Describe your deployment (CMS version, one server, a cluster or core and edge servers, their "
            "FQDNs and the join URL). The wizard proposes one certificate per service and node."
        ),
        N_(
            "Each proposed certificate becomes a key and CSR, and later a <code>… certs</code> line on the MMP of "
            "the node that runs that service."
        ),
        (
            Rule(
                "version",
                N_(
                    "CMS 2.9 added Web Bridge 3 beside Web Bridge 2 and XMPP, which later versions drop; the "
                    "Scheduler is beta in 3.3, supported from 3.4 (CMS 1000, virtual) and 3.5 (CMS 2000); the "
                    "database CA is on the box from 2.7."
                ),
                CISCO_LIVE,
            ),
            Rule(
                "nodes",
                N_(
                    "Every name users or other servers type must be in the certificate's SAN; in a "
                    "cluster the Call Bridge certificate often names every node."
                ),
                TAC_221729,
            ),
        ),
    ),
    "SubjectPage": PageHelp(
        N_("Fill in the subject of one certificate: the names and organisation fields that go into the CSR."),
        N_(
            "Your CA copies these fields into the certificate; CMS then presents it to browsers, apps and other "
            "servers, which check the names against what they connected to."
        ),
        (
            Rule(
                "basename",
                N_(
                    "Basename: letters, digits, - and _ only. Never reuse the basename of a key in "
                    "use: pki csr overwrites it and that service breaks at once."
                ),
                TAC_214618,
            ),
            Rule(
                "CN",
                N_("CN: the FQDN of the service. Required. If a SAN is given, the CN must also be in it."),
                TAC_214618,
            ),
            Rule(
                "subjectAltName",
                N_(
                    "SAN: one comma-separated list without spaces of DNS names, IP addresses "
                    "or e-mail addresses. Browsers ignore the CN when there is a SAN, and XMPP "
                    "clients refuse a certificate without one."
                ),
                TAC_214618,
            ),
            Rule("C", N_("C: a two-letter ISO 3166 country code (TW, US, GB; not UK)."), TAC_214618),
            Rule(
                "O",
                N_(
                    "O, OU, ST: optional; values with spaces are typed in double quotes on the MMP. A city "
                    "goes into L, never into ST."
                ),
                CMS_FAQ,
            ),
            Rule(
                "L",
                N_(
                    "L (city) is not in the pki csr syntax of TAC 214618: the MMP line with L is unconfirmed; "
                    "check it in your MMP Command Reference or leave L out on the CMS."
                ),
                TAC_214618,
            ),
            Rule(
                "key type",
                N_(
                    "Key: RSA 2048 is the safe default. Whether CMS accepts ECDSA keys is not "
                    "confirmed, and the MMP line cannot choose the key type."
                ),
                NO_CISCO_TEXT,
            ),
        ),
    ),
    "PreviewPage": PageHelp(
        N_(
            "The exact pki csr line for this certificate: type it on the MMP, or let the wizard run the same "
            "request on this computer."
        ),
        N_(
            "On the MMP, <code>pki csr</code> writes the key and the CSR into the MMP's top folder; the key "
            "never leaves the server."
        ),
        (
            Rule("syntax", N_("Tokens are KEY:value separated by spaces; no = and no /C= strings."), TAC_214618),
            Rule(
                "warnings",
                N_(
                    "Warnings do not stop the request, but read them: a missing SAN or a reused "
                    "basename causes trouble later."
                ),
                TAC_214618,
            ),
        ),
    ),
    "GeneratePage": PageHelp(
        N_("Make the private key and the CSR on this computer, in the folder you choose."),
        N_(
            "Send the CSR to your CA. The key (mode 0600, unencrypted PKCS#8 PEM as CMS needs it) goes to the "
            "MMP later, with the certificate the CA returns."
        ),
        (
            Rule(
                "overwrite",
                N_("An existing key is never replaced unless you say so: it may be the key a service is using."),
                TAC_214618,
            ),
            Rule(
                "eku",
                N_(
                    "Ask your CA for a certificate with both server and client authentication: the Call "
                    "Bridge, the Scheduler and database clients use it as a TLS client."
                ),
                PA_SECURITY,
            ),
        ),
    ),
    "OnCmsPage": PageHelp(
        N_("The steps to make the key and CSR on the CMS itself, over SSH to the MMP."),
        N_(
            "<code>pki csr</code> on the MMP writes <code>&lt;basename&gt;.key</code> and "
            "<code>&lt;basename&gt;.csr</code>; download the CSR by SFTP and send it to your CA."
        ),
        (
            Rule(
                "basename",
                N_("Use a new basename when renewing: the old key stays in use until you switch."),
                TAC_214618,
            ),
        ),
    ),
    "ChainBuilderPage": PageHelp(
        N_(
            "Put what your CA sent back (DER .cer, .p7b, .pfx, PEM) in order, check every link, and save the "
            "bundle CMS wants."
        ),
        N_(
            "A full chain is the second argument of <code>webbridge3 https certs</code>; a CA bundle is the third "
            "argument of <code>webadmin</code>, <code>callbridge</code>, <code>xmpp</code> and <code>turn certs</code>."
        ),
        (
            Rule(
                "order",
                N_(
                    "Full chain: entity certificate first, then intermediates upward, then the root. CA "
                    "bundle: the same without the entity certificate."
                ),
                CISCO_LIVE,
            ),
            Rule(
                "bytes",
                N_(
                    "PEM with LF line ends, exactly one line break after each certificate, no blank "
                    "lines and nothing else in the file."
                ),
                NO_CISCO_TEXT,
            ),
            Rule("complete", N_("Since CMS 3.0 the full trust chain is required."), TAC_214618),
        ),
    ),
    "DbClusterPage": PageHelp(
        N_(
            "Make the database cluster's CA (dbca) and the dbserver and dbclient certificates it signs, as pki "
            "selfsigned and pki sign do on the primary."
        ),
        N_(
            "Every core presents dbserver or dbclient to the PostgreSQL link between the cores, which checks "
            "the chain against dbca (not the host name)."
        ),
        (
            Rule("dbclient", N_("The database client certificate's CN is exactly postgres."), TAC_210530),
            Rule("primary", N_("dbserver names the primary's FQDN; the other cores go into its SAN."), TAC_214618),
            Rule(
                "names",
                N_("An enterprise CA may sign them too, so file names are not fixed to dbserver, dbclient and dbca."),
                TAC_210530,
            ),
        ),
    ),
    "DbResultPage": PageHelp(
        N_("The files each node needs and the database cluster commands to type there, in order."),
        N_(
            "<code>database cluster certs</code> installs the files; <code>initialize</code>, <code>join</code> "
            "and <code>connect</code> build the cluster. <code>join</code> overwrites the joining node's database."
        ),
        (
            Rule(
                "renewal",
                N_(
                    "Before renewing: backup snapshot on every node and download each backup (.bak and .json), "
                    "then database cluster remove on every node, the primary last."
                ),
                TAC_215421,
            ),
            Rule(
                "copy",
                N_(
                    "dbclient.crt goes to every server that connects, dbserver.crt to every server in the "
                    "cluster, dbca.crt to all."
                ),
                TAC_214618,
            ),
            Rule(
                "size",
                N_(
                    "Use an odd number of database nodes (3 or 5): a majority must remain to keep a primary. No "
                    "readable Cisco text here says so: the wizard warns, it never refuses."
                ),
                NO_CISCO_TEXT,
            ),
        ),
    ),
    "CheckPage": PageHelp(
        N_(
            "Check files before they go to the CMS: what a file holds, whether a key belongs to a certificate, "
            "and whether a certificate chains to a CA."
        ),
        N_(
            "These are the checks pki inspect, pki match and pki verify make on the MMP; a failed check here "
            "would fail there too."
        ),
        (
            Rule(
                "expiry",
                N_("Expiry: renew before the date; an expired database certificate takes the database cluster down."),
                TAC_216549,
            ),
            Rule("eku", N_("EKU: services that act as TLS clients need client authentication."), PA_SECURITY),
        ),
    ),
    "DeploySheetPage": PageHelp(
        N_(
            "Say which key, certificate and bundle each service uses; the wizard writes the MMP commands node "
            "by node, with the trust files the services need."
        ),
        N_(
            "You type the sheet's commands on each node's MMP; each answers SUCCESS or FAILURE. Lines starting "
            "with # explain and are not typed."
        ),
        (
            Rule(
                "trust",
                N_(
                    "callbridge trust c2w holds every Web Bridge 3 certificate, and webbridge3 c2w "
                    "trust every Call Bridge and Scheduler certificate: one peer alone breaks the "
                    "others."
                ),
                TAC_217367,
            ),
            Rule(
                "backup", N_("Before any change on a live node: backup snapshot, and download the backup."), TAC_215421
            ),
            Rule("sip", N_("The CUCM SIP trunk's X.509 subject name must equal the Call Bridge CN."), TAC_213820),
            Rule(
                "turn",
                N_("TURN TLS never shares the web bridge's port on one interface: the default is 447."),
                SR_GUIDE,
            ),
            Rule(
                "tls",
                N_("The tls settings (SIP trust and verification) come before the Call Bridge restart."),
                TAC_222766,
            ),
        ),
    ),
    "ExportPage": PageHelp(
        N_("Copy the files and the command sheet to a USB stick or folder, each verified after writing."),
        N_("From the stick the files go to the MMP by SFTP, into its top folder, where the commands expect them."),
        (
            Rule(
                "keys",
                N_(
                    "Private keys are copied unencrypted, as CMS needs them: keep the stick safe and "
                    "wipe it afterwards."
                ),
                NO_CISCO_TEXT,
            ),
            Rule(
                "verify",
                N_("The files go by SFTP into the MMP's top folder: the commands name them without a folder."),
                NO_CISCO_TEXT,
            ),
        ),
    ),
    "ProbeSetupPage": PageHelp(
        N_(
            "Say which servers to check and the names users type. Each service is checked on its port; a server "
            "written as host:port is checked on that port only. Ports are site choices: change them here."
        ),
        N_(
            "Nothing is changed on the CMS: the check connects like a browser or a peer would, reads the "
            "certificates and closes the connection."
        ),
        (
            Rule(
                "ports",
                N_(
                    "Web Admin moves to 445 or 8443 when a web bridge has 443 on the same box, and stays on 443 "
                    "without one; the C2W port is the one in the c2w:// URL set on the Call Bridge."
                ),
                TAC_212298,
            ),
            Rule(
                "names",
                N_(
                    "Every name users type must be in the certificate's subject alternative names; for XMPP, "
                    "the XMPP domain too."
                ),
                RFC_6120,
            ),
        ),
    ),
    "KeepRenewedPage": PageHelp(
        N_(
            "Every certificate of the plan with its issuer, expiry and renewal state. Dry run says what is due; "
            "Renew now renews it through the ACME issuer (DNS-01), bundles it in CMS order and compares it with "
            "the old one; Test DNS checks the DNS-01 set-up; the schedule runs the same every day."
        ),
        N_(
            "A renewed certificate still has to reach the CMS: upload its files and type the replacement commands "
            "(renew sheet), or let the MMP runner do it; the next step column says which."
        ),
    ),
    "ProbeResultPage": PageHelp(
        N_(
            "What each endpoint presented, on every address: the chain, its order, the days left, the names "
            "covered, the key usage, and whether it is the file you loaded."
        ),
        N_(
            "A wrong result here is what users and peers see: renew the certificate, or fix the certs line and "
            "restart the service, then check again."
        ),
        (
            Rule(
                "chain",
                N_(
                    "A server may leave out its root: a chain without it is normal. The full-chain rule of CMS 3.0 "
                    "is about the file given to the MMP."
                ),
                RFC_8446,
            ),
            Rule(
                "eku",
                N_("The Call Bridge also connects out with its certificate: it needs client authentication too."),
                PA_SECURITY,
            ),
        ),
    ),
    "RenewRequestPage": PageHelp(
        N_(
            "The request for the successor of a certificate: the same subject and names, a new file name with "
            "the year, and the same key type or a stronger one."
        ),
        N_(
            "The new key and CSR are made under the new name, so the key the service uses now stays in place "
            "until the new certificate is assigned."
        ),
        (
            Rule(
                "names",
                N_("Keep every SAN of the old certificate, or users typing that name will fail."),
                NO_CISCO_TEXT,
            ),
            Rule(
                "basename", N_("Never reuse the name of the live key: pki csr would overwrite it at once."), TAC_214618
            ),
        ),
    ),
    "RenewGeneratePage": PageHelp(
        N_(
            "Make the key and CSR, then open the certificate your CA returns: it is compared with the one in "
            "use, field by field."
        ),
        N_(
            "If the issuer changed, the systems that trust the old CA must trust the new one before the swap: "
            "peers' C2W trust files, CUCM and Expressway."
        ),
        (
            Rule(
                "issuer", N_("A changed issuer or Authority Key Identifier means another CA signed it."), NO_CISCO_TEXT
            ),
            Rule("eku", N_("Public CAs are dropping client authentication: check it is still there."), TAC_225723),
        ),
    ),
    "RenewSheetPage": PageHelp(
        N_("The commands that put the new certificate in use on one server, ready to copy."),
        N_(
            "<code>backup snapshot</code> first, then the <code>certs</code> line with the new file names, the "
            "restart, and the status line that shows the files in use."
        ),
        (
            Rule(
                "backup", N_("Before any change on a live node: backup snapshot, and download the backup."), TAC_215421
            ),
            Rule(
                "probe",
                N_("Afterwards, check what the node presents: the probe line at the end does it."),
                NO_CISCO_TEXT,
            ),
        ),
    ),
    "UploadPage": PageHelp(
        N_(
            "Send each node its files over SFTP, log in as the MMP admin, and read every file back to compare "
            "its SHA-256. Only files marked verified are on the MMP as sent."
        ),
        N_(
            "The MMP keeps uploaded files in its top folder, where <code>webadmin certs</code>, "
            "<code>callbridge certs</code> and the other commands look for them. Nothing is run on the MMP: "
            "type the node's commands shown beside its result."
        ),
        (
            Rule(
                "host",
                N_(
                    "The server's host key is checked before the password is sent: against known_hosts, or the "
                    "fingerprint you read on the MMP. A first connection shows the fingerprint and asks."
                ),
                NO_CISCO_TEXT,
            ),
            Rule(
                "upload",
                N_(
                    "A file that already exists on the MMP is left as it is unless you choose to replace it: "
                    "replacing the file of a key in use breaks that service at once."
                ),
                TAC_214618,
            ),
        ),
    ),
}

_HEADINGS = (N_("What this page is for"), N_("What CMS does with it"), N_("Rules behind the checks"))


def render(title: str, help_: PageHelp) -> str:
    """The help as HTML in the current language; rule anchors are `rule-<anchor>`."""
    purpose, on_cms, rules = (html.escape(translated(h)) for h in _HEADINGS)
    parts = [
        f"<h2>{html.escape(title)}</h2>",
        f'<h3><a name="purpose"></a>{purpose}</h3><p>{translated(help_.purpose)}</p>',
        f'<h3><a name="on-cms"></a>{on_cms}</h3><p>{translated(help_.on_cms)}</p>',
    ]
    if help_.rules:
        parts.append(f'<h3><a name="rules"></a>{rules}</h3><ul>')
        for rule in help_.rules:
            source = html.escape(translated(N_("Source: {document}")).format(document=translated(rule.source)))
            parts.append(
                f'<li><a name="rule-{html.escape(rule.anchor)}"></a>{html.escape(translated(rule.text))}'
                f"<br><i>{source}</i></li>"
            )
        parts.append("</ul>")
    return "\n".join(parts)


def anchor_for(help_: PageHelp, field: str) -> str:
    """The section a field message's link opens: that field's rule, else the rules."""
    for rule in help_.rules:
        if rule.anchor.casefold() == field.casefold():
            return f"rule-{rule.anchor}"
    return "rules" if help_.rules else "purpose"
