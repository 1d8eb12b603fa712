"""README.txt for the stick: what each file is and how it gets onto the CMS, in English and 繁體中文."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from cmswizard.export.copy import README_NAME, SUMS_NAME, ExportItem
from cmswizard.pki.chain import Role, collect, role_of
from cmswizard.pki.errors import CmsInputError
from cmswizard.pki.loader import load_bytes

__all__ = ["COMMANDS_NAME", "describe_item", "export_folder_name", "export_readme"]

COMMANDS_NAME = "cms-commands.txt"


def export_folder_name(deployment_name: str = "", today: dt.date | None = None) -> str:
    """The folder made on the stick: `<first node's short name or cms>-certificates-YYYYMMDD`."""
    short = deployment_name.split(".")[0] if deployment_name else "cms"
    return f"{short}-certificates-{today or dt.date.today():%Y%m%d}"


def describe_item(item: ExportItem) -> tuple[str, str]:
    """(English, 繁體中文) description of one exported file, judged by its content."""
    if item.name == COMMANDS_NAME and not item.private:
        return "the commands to type on the CMS MMP, node by node", "要在 CMS MMP 上依節點輸入的指令"
    if item.name.lower().endswith(".ics"):
        return (
            "calendar of certificate expiry dates with reminders: open it in Outlook or any calendar",
            "憑證到期日行事曆（含提醒）：以 Outlook 或任何行事曆開啟",
        )
    try:
        loaded = load_bytes(item.data, item.name)
    except CmsInputError:
        loaded = None
    if item.private or (loaded is not None and loaded.keys):
        return (
            "PRIVATE KEY, unencrypted as CMS needs it: upload it, then delete it from this stick",
            "私密金鑰（未加密，CMS 需要如此）：上傳後請從此隨身碟刪除",
        )
    if loaded is None:
        return "a file you added", "您加入的檔案"
    if loaded.csrs:
        return "certificate signing request (send to your CA)", "憑證簽署請求 (CSR)（送交您的 CA）"
    items = collect([loaded])
    roles = [role_of(i) for i in items]
    if len(items) > 1 and roles[0] is Role.ENTITY:
        return "full chain: certificate, intermediates, root", "完整憑證信任鏈：憑證、中繼憑證、根 CA"
    if len(items) > 1:
        return "CA bundle: intermediates and root", "憑證套件組合：中繼憑證與根 CA"
    if roles and roles[0] is Role.ROOT:
        return "root CA certificate", "根 CA 憑證"
    if roles and roles[0] is Role.INTERMEDIATE:
        return "intermediate CA certificate", "中繼憑證"
    return "certificate", "憑證"


def export_readme(items: Sequence[ExportItem], *, title: str = "", today: dt.date | None = None) -> str:
    day = (today or dt.date.today()).isoformat()
    lines = [f"cmswizard export {title}".rstrip() + f" — {day}", "", "Files / 檔案", ""]
    for item in items:
        english, chinese = describe_item(item)
        lines += [f"  {item.name}", f"      {english}", f"      {chinese}"]
    lines += [
        f"  {SUMS_NAME}",
        "      SHA-256 checksums; check the copy with: sha256sum -c SHA256SUMS",
        "      (Windows: certutil -hashfile <file> SHA256, or in PowerShell: Get-FileHash <file>)",
        "      SHA-256 檢查碼；以 sha256sum -c SHA256SUMS 驗證複本",
        "      （Windows：certutil -hashfile <檔案> SHA256，或在 PowerShell 中：Get-FileHash <檔案>）",
        "",
        "How to put the files on the CMS",
        "  1. Connect with SFTP to the MMP address of each CMS node and log in as the MMP admin user.",
        "  2. Upload the files that node needs (see cms-commands.txt) into the top folder.",
        "  3. Connect with SSH to the MMP and type: pki list   (the files must be listed).",
        "  4. Type the commands from cms-commands.txt in order; each step answers SUCCESS or FAILURE.",
        "  5. Delete the private keys from this stick when you are done.",
        "",
        "如何將檔案放到 CMS 上",
        "  1. 以 SFTP 連線到每個 CMS 節點的 MMP 位址，並以 MMP 管理員帳號登入。",
        "  2. 將該節點需要的檔案（見 cms-commands.txt）上傳到最上層資料夾。",
        "  3. 以 SSH 連線到 MMP，輸入：pki list（檔案必須列出）。",
        "  4. 依序輸入 cms-commands.txt 中的指令；每個步驟都會回應 SUCCESS 或 FAILURE。",
        "  5. 完成後，請從此隨身碟刪除私密金鑰。",
        "",
        f"({README_NAME} and {SUMS_NAME} were written last: if they are here, the copy finished.)",
        f"（{README_NAME} 與 {SUMS_NAME} 最後寫入：若它們存在，表示複製已完成。）",
    ]
    return "\n".join(lines) + "\n"
