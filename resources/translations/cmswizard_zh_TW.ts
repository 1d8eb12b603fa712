<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name></name>
    <message>
        <source>the name holds control characters (a newline?); rename the file</source>
        <translation>名稱含有控制字元（換行？）；請重新命名檔案</translation>
    </message>
    <message>
        <source>{chars} cannot be in a name on a USB stick (FAT) or on Windows; rename it</source>
        <translation>USB 隨身碟 (FAT) 或 Windows 上的名稱不能含有 {chars}；請重新命名</translation>
    </message>
    <message>
        <source>ends with a space or a dot, which FAT and Windows drop; rename it</source>
        <translation>以空格或句點結尾，FAT 與 Windows 會將其捨棄；請重新命名</translation>
    </message>
    <message>
        <source>is a name Windows reserves for a device (CON, NUL, COM1 …); rename it</source>
        <translation>是 Windows 保留給裝置的名稱（CON、NUL、COM1 …）；請重新命名</translation>
    </message>
    <message>
        <source>is {count} characters long; FAT and Windows allow 255: use a shorter name</source>
        <translation>長度為 {count} 個字元；FAT 與 Windows 最多允許 255：請使用較短的名稱</translation>
    </message>
    <message>
        <source>copied and verified {count} file(s) to {folder}</source>
        <translation>已複製並驗證 {count} 個檔案到 {folder}</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>無</translation>
    </message>
    <message>
        <source>{error} — copied and verified: {done}; not copied: {left}</source>
        <translation>{error} — 已複製並驗證：{done}；未複製：{left}</translation>
    </message>
    <message>
        <source>is named twice in the export; rename one of the files</source>
        <translation>在匯出中重複出現；請將其中一個檔案改名</translation>
    </message>
    <message>
        <source>is written by the export itself; leave it out of the files</source>
        <translation>由匯出本身寫入；請不要將它列入檔案</translation>
    </message>
    <message>
        <source>is the same file as {name} on a USB stick (FAT ignores case); rename or remove it first</source>
        <translation>在 USB 隨身碟上與 {name} 是同一個檔案（FAT 不分大小寫）；請先重新命名或移除它</translation>
    </message>
    <message>
        <source>is a symbolic link on the stick; cmswizard never writes through links: remove it</source>
        <translation>在隨身碟上是符號連結；cmswizard 從不透過連結寫入：請將其移除</translation>
    </message>
    <message>
        <source>is a folder in the way of a file of this name; move it or choose another folder</source>
        <translation>是一個資料夾，擋住了同名的檔案；請移走它或選擇其他資料夾</translation>
    </message>
    <message>
        <source>{file}: {message}</source>
        <translation>{file}：{message}</translation>
    </message>
    <message>
        <source>does not exist any more ({reason}); was the drive removed?</source>
        <translation>已不存在（{reason}）；磁碟是否已被移除？</translation>
    </message>
    <message>
        <source>is no longer on the stick that was chosen (was it removed or unmounted?); nothing more is written</source>
        <translation>已不在先前選擇的隨身碟上（是否已被移除或卸載？）；不再寫入任何檔案</translation>
    </message>
    <message>
        <source>is a symbolic link; choose the folder itself</source>
        <translation>是符號連結；請選擇資料夾本身</translation>
    </message>
    <message>
        <source>is a file, not a folder; name the stick&apos;s folder (its mount point)</source>
        <translation>是檔案而非資料夾；請指定隨身碟的資料夾（其掛載點）</translation>
    </message>
    <message>
        <source>does not exist (is the stick plugged in and mounted?)</source>
        <translation>不存在（隨身碟是否已插入並掛載？）</translation>
    </message>
    <message>
        <source>is read-only; unlock the stick (write-protect switch) or choose another</source>
        <translation>為唯讀；請解除隨身碟的防寫開關，或選擇其他磁碟</translation>
    </message>
    <message>
        <source>not enough space: the export needs {p} KB, {p2} KB are free; free some space or use another stick</source>
        <translation>空間不足：匯出需要 {p} KB，可用 {p2} KB；請釋放空間或使用其他隨身碟</translation>
    </message>
    <message>
        <source>already exists ({count} file(s) would be replaced); choose another folder or allow replacing</source>
        <translation>已存在（將取代 {count} 個檔案）；請選擇其他資料夾或允許取代</translation>
    </message>
    <message>
        <source>{folder}: cannot create the folder ({reason})</source>
        <translation>{folder}：無法建立資料夾（{reason}）</translation>
    </message>
    <message>
        <source>is not on the stick after writing it; the export is incomplete</source>
        <translation>寫入後不在隨身碟上；匯出不完整</translation>
    </message>
    <message>
        <source>was written but its folder keeps no more files: the folder is full (a FAT folder holds a limited number of names, long names take several); copy fewer files into it, or use a stick formatted as exFAT</source>
        <translation>已寫入，但其資料夾無法再保留更多檔案：資料夾已滿（FAT 資料夾能容納的名稱數量有限，長檔名會佔用多個項目）；請減少複製到該資料夾的檔案，或使用格式化為 exFAT 的隨身碟</translation>
    </message>
    <message>
        <source>could not be read back ({strerror}); was the stick removed?</source>
        <translation>無法讀回（{strerror}）；隨身碟是否已移除？</translation>
    </message>
    <message>
        <source>read back different bytes than were written; the stick may be failing</source>
        <translation>讀回的位元組與寫入的不同；隨身碟可能已故障</translation>
    </message>
    <message>
        <source>Create a private key and CSR for CMS services</source>
        <translation>為 CMS 服務建立私密金鑰與 CSR</translation>
    </message>
    <message>
        <source>Propose certificates for Web Admin, Call Bridge, Web Bridge, TURN … and make the key and request here, or get the exact pki csr command to type on the CMS.</source>
        <translation>為 Web Admin、Call Bridge、Web Bridge、TURN 等建議所需憑證，並在此產生金鑰與請求，或取得要在 CMS 上輸入的確切 pki csr 指令。</translation>
    </message>
    <message>
        <source>Build a certificate bundle</source>
        <translation>建立憑證套件組合</translation>
    </message>
    <message>
        <source>Drop what your CA sent back (DER .cer, .p7b, .pfx, PEM), put it in order with every link checked, and save the exact full chain or CA bundle CMS wants.</source>
        <translation>拖放 CA 傳回的檔案（DER .cer、.p7b、.pfx、PEM），在逐環節檢查下排好順序，並儲存 CMS 所需的完整憑證信任鏈或 CA 憑證套件組合。</translation>
    </message>
    <message>
        <source>Create database-cluster certificates</source>
        <translation>建立資料庫叢集憑證</translation>
    </message>
    <message>
        <source>Make dbca, dbserver and dbclient for a CMS database cluster and get the exact database cluster commands for every node, first set-up or renewal.</source>
        <translation>為 CMS 資料庫叢集建立 dbca、dbserver 與 dbclient，並取得每個節點確切的 database cluster 指令，適用於首次設定或更新。</translation>
    </message>
    <message>
        <source>Check certificates (inspect, match, verify)</source>
        <translation>檢查憑證（inspect、match、verify）</translation>
    </message>
    <message>
        <source>Drop keys, CSRs, certificates and bundles: see expiry, which key belongs to which certificate, and whether each chain verifies, link by link.</source>
        <translation>拖放金鑰、CSR、憑證與憑證套件組合：查看到期日、哪把金鑰屬於哪張憑證，以及每條憑證信任鏈是否逐環節通過驗證。</translation>
    </message>
    <message>
        <source>Deployment commands and export to a USB stick</source>
        <translation>部署指令與匯出到 USB 隨身碟</translation>
    </message>
    <message>
        <source>Say which file each service uses, get the exact MMP commands per node, and copy exactly those files to a stick, verified, with the commands and a README.</source>
        <translation>指定每個服務使用的檔案，取得各節點確切的 MMP 指令，並將這些檔案連同指令與 README 經驗證後複製到隨身碟。</translation>
    </message>
    <message>
        <source>Export files to a USB stick</source>
        <translation>匯出檔案到 USB 隨身碟</translation>
    </message>
    <message>
        <source>Copy keys, certificates and bundles to a stick or folder: written safely, read back and checked, with SHA256SUMS.</source>
        <translation>將金鑰、憑證與憑證套件組合複製到隨身碟或資料夾：安全寫入、讀回並檢查，並附上 SHA256SUMS。</translation>
    </message>
    <message>
        <source>Check a running server</source>
        <translation>檢查執行中的伺服器</translation>
    </message>
    <message>
        <source>Connect to Web Admin, Web Bridge 3, the Call Bridge, TURN or XMPP and see the chain each presents: complete and in order, days to expiry, the names users type, the key usage, the file you loaded.</source>
        <translation>連線到 Web Admin、Web Bridge 3、Call Bridge、TURN 或 XMPP，查看各自提供的憑證信任鏈：是否完整且順序正確、距到期日的天數、使用者輸入的名稱、金鑰使用方法，以及是否為您載入的檔案。</translation>
    </message>
    <message>
        <source>Renew a certificate</source>
        <translation>憑證更新</translation>
    </message>
    <message>
        <source>From the certificate in use: the same names under a new key name, the comparison when the new certificate comes back, and the commands that swap it in (backup first, the check last).</source>
        <translation>從使用中的憑證出發：以新的金鑰名稱保留相同名稱、新憑證回來時進行比較，並產生替換指令（先備份，最後檢查）。</translation>
    </message>
    <message>
        <source>Keep certificates renewed</source>
        <translation>讓憑證保持更新</translation>
    </message>
    <message>
        <source>For a plan: every certificate with its issuer, expiry and renewal state; a dry run, renewal now through ACME and DNS-01, the DNS test and the daily schedule.</source>
        <translation>針對計畫檔：列出每張憑證的簽發者、到期日與更新狀態；模擬執行、透過 ACME 與 DNS-01 立即更新、DNS 測試，以及每日排程。</translation>
    </message>
    <message>
        <source>its chain does not reach a root CA; add the root certificate or choose the peers&apos; certificates</source>
        <translation>其憑證信任鏈未到達根 CA；請加入根憑證，或改選對端的憑證</translation>
    </message>
    <message>
        <source>would be empty; add the certificates it should hold</source>
        <translation>會是空的；請加入它應包含的憑證</translation>
    </message>
    <message>
        <source>Windows line endings (CRLF) on {count} line(s); CMS needs LF</source>
        <translation>有 {count} 行使用 Windows 換行字元 (CRLF)；CMS 需要 LF</translation>
    </message>
    <message>
        <source>{p} block: a bundle must hold certificates only</source>
        <translation>{p} 區塊：憑證套件組合只能包含憑證</translation>
    </message>
    <message>
        <source>blank line; remove it</source>
        <translation>空白行；請移除</translation>
    </message>
    <message>
        <source>base64 text outside any block (a damaged block? if it is a private key, keep it secret); remove it</source>
        <translation>區塊外有 base64 文字（區塊損毀？若是私密金鑰，請保密）；請移除</translation>
    </message>
    <message>
        <source>text outside a certificate block ({shown!r}); remove it</source>
        <translation>憑證區塊外有文字（{shown!r}）；請移除</translation>
    </message>
    <message>
        <source>invalid character inside a certificate block</source>
        <translation>憑證區塊內有無效字元</translation>
    </message>
    <message>
        <source>base64 line of {count} characters; PEM uses 64</source>
        <translation>base64 行長 {count} 個字元；PEM 使用 64 個</translation>
    </message>
    <message>
        <source>{count} more line(s) of text outside certificate blocks; remove them</source>
        <translation>憑證區塊外還有 {count} 行文字；請移除</translation>
    </message>
    <message>
        <source>no line break after the last certificate; add exactly one</source>
        <translation>最後一張憑證後沒有換行；請加入剛好一個換行</translation>
    </message>
    <message>
        <source>extra blank line(s) at the end; keep exactly one line break</source>
        <translation>結尾有多餘的空白行；請只保留一個換行</translation>
    </message>
    <message>
        <source>starts with a UTF-8 byte-order mark; remove it</source>
        <translation>以 UTF-8 位元組順序標記 (BOM) 開頭；請移除</translation>
    </message>
    <message>
        <source>is {value}, not PEM text; CMS needs a PEM bundle</source>
        <translation>是 {value}，不是 PEM 文字；CMS 需要 PEM 格式的憑證套件組合</translation>
    </message>
    <message>
        <source>contains a private key; a bundle must never carry it</source>
        <translation>包含私密金鑰；憑證套件組合絕不能包含私密金鑰</translation>
    </message>
    <message>
        <source>{p} duplicate certificate(s); keep each once</source>
        <translation>{p} 張重複的憑證；每張只保留一次</translation>
    </message>
    <message>
        <source>{subject_cn}: {problem}</source>
        <translation>{subject_cn}：{problem}</translation>
    </message>
    <message>
        <source>certificates are in the wrong order; CMS needs entity → intermediates → root</source>
        <translation>憑證順序錯誤；CMS 需要實體憑證 → 中繼憑證 → 根 CA</translation>
    </message>
    <message>
        <source>{subject_cn}: {reason}</source>
        <translation>{subject_cn}：{reason}</translation>
    </message>
    <message>
        <source>webbridge3 https certs {key} {file}  (Web Bridge 3; also webbridge3 c2w certs), or turn certs {key} {file}</source>
        <translation>webbridge3 https certs {key} {file}（Web Bridge 3；也用於 webbridge3 c2w certs），或 turn certs {key} {file}</translation>
    </message>
    <message>
        <source>the third argument of webadmin/callbridge/xmpp/turn certs {key} &lt;certificate&gt; {file}</source>
        <translation>webadmin/callbridge/xmpp/turn certs {key} &lt;憑證&gt; {file} 的第三個引數</translation>
    </message>
    <message>
        <source>the second argument of webadmin/callbridge/xmpp/turn certs {key} {file} &lt;CA bundle&gt;</source>
        <translation>webadmin/callbridge/xmpp/turn certs {key} {file} &lt;CA 憑證套件組合&gt; 的第二個引數</translation>
    </message>
    <message>
        <source>must be at least 1</source>
        <translation>必須至少為 1</translation>
    </message>
    <message>
        <source>{days} days would end after the year 9999, where certificate dates end; use at most {most}</source>
        <translation>{days} 天會超過憑證日期的上限 9999 年；最多請使用 {most}</translation>
    </message>
    <message>
        <source>is not a CA certificate (basicConstraints CA:TRUE missing); sign with a CA</source>
        <translation>不是 CA 憑證（缺少 basicConstraints CA:TRUE）；請以 CA 簽署</translation>
    </message>
    <message>
        <source>does not belong to the CA key given; use the CA&apos;s own .key and .crt</source>
        <translation>不屬於所提供的 CA 金鑰；請使用該 CA 自己的 .key 與 .crt</translation>
    </message>
    <message>
        <source>has a signature that does not verify (altered or damaged); make a new CSR</source>
        <translation>簽章驗證失敗（遭竄改或已損毀）；請建立新的 CSR</translation>
    </message>
    <message>
        <source>expired on {not_valid_after_utc:%Y-%m-%d}; make a new CA</source>
        <translation>已於 {not_valid_after_utc:%Y-%m-%d} 到期；請建立新的 CA</translation>
    </message>
    <message>
        <source>nothing of that kind</source>
        <translation>沒有這類項目</translation>
    </message>
    <message>
        <source>{count} of them</source>
        <translation>{count} 個</translation>
    </message>
    <message>
        <source>should hold {want} but holds {found}</source>
        <translation>應包含 {want}，但包含 {found}</translation>
    </message>
    <message>
        <source>is the CA itself: its certificate would be replaced by a CA:FALSE leaf; sign another request, or make a new CA with pki selfsigned</source>
        <translation>就是 CA 本身：其憑證會被 CA:FALSE 的終端憑證取代；請簽署其他請求，或以 pki selfsigned 建立新的 CA</translation>
    </message>
    <message>
        <source>one CSR</source>
        <translation>一個 CSR</translation>
    </message>
    <message>
        <source>one CA certificate</source>
        <translation>一張 CA 憑證</translation>
    </message>
    <message>
        <source>requests a certificate for the CA&apos;s own key; a CA does not sign itself a leaf — make a new key and CSR</source>
        <translation>要求為 CA 自己的金鑰簽發憑證；CA 不會為自己簽發終端憑證 — 請建立新的金鑰與 CSR</translation>
    </message>
    <message>
        <source>entity</source>
        <translation>實體憑證</translation>
    </message>
    <message>
        <source>intermediate</source>
        <translation>中繼憑證</translation>
    </message>
    <message>
        <source>root</source>
        <translation>根 CA</translation>
    </message>
    <message>
        <source>root {name} signs itself with {hash} (weak); accepted as a trust anchor, as OpenSSL does, since an anchor&apos;s own signature is not checked — plan to replace it</source>
        <translation>根 CA {name} 以 {hash} 自我簽署（強度不足）；如同 OpenSSL，仍接受為信任錨點，因為不會檢查信任錨點本身的簽章 — 請規劃更換</translation>
    </message>
    <message>
        <source>root {name} is a version 1 certificate (no extensions); accepted as a trust anchor, as OpenSSL does</source>
        <translation>根 CA {name} 是第 1 版憑證（沒有延伸欄位）；如同 OpenSSL，接受為信任錨點</translation>
    </message>
    <message>
        <source>expired on {date}</source>
        <translation>已於 {date} 到期</translation>
    </message>
    <message>
        <source>not yet valid (valid from {date})</source>
        <translation>尚未生效（自 {date} 起生效）</translation>
    </message>
    <message>
        <source>signed by the next certificate</source>
        <translation>由下一張憑證簽署</translation>
    </message>
    <message>
        <source>sent twice: the next certificate is this same one ({name}); remove the copy</source>
        <translation>重複傳送：下一張憑證就是這一張（{name}）；請移除重複的那一張</translation>
    </message>
    <message>
        <source>not issued by the next certificate (issuer is {issuer}, next is {subject})</source>
        <translation>不是由下一張憑證簽發（簽發者是 {issuer}，下一張是 {subject}）</translation>
    </message>
    <message>
        <source>signed by {subject}, but its authority key identifier names another key; OpenSSL (and CMS) will not link them: reissue it</source>
        <translation>由 {subject} 簽署，但其授權金鑰識別碼指向另一把金鑰；OpenSSL（及 CMS）不會將兩者連結：請重新簽發</translation>
    </message>
    <message>
        <source>signed by a different CA with the same name {subject} (a renewed or another CA: the key identifiers differ)</source>
        <translation>由另一個同名的 CA {subject} 簽署（已更新或不同的 CA：金鑰識別碼不同）</translation>
    </message>
    <message>
        <source>signature does not match the next certificate&apos;s key</source>
        <translation>簽章與下一張憑證的金鑰不符</translation>
    </message>
    <message>
        <source>the next certificate is not a CA (basicConstraints)</source>
        <translation>下一張憑證不是 CA (basicConstraints)</translation>
    </message>
    <message>
        <source>path length exceeded: {subject} allows {path_length} CA(s) below it</source>
        <translation>超過路徑長度限制：{subject} 之下只允許 {path_length} 個 CA</translation>
    </message>
    <message>
        <source>the next certificate&apos;s CA key usage lacks keyCertSign</source>
        <translation>下一張憑證的 CA 金鑰使用方法缺少 keyCertSign</translation>
    </message>
    <message>
        <source>{number} → {next}: {name}: {reason}</source>
        <translation>{number} → {next}：{name}：{reason}</translation>
    </message>
    <message>
        <source>{number}: {name}: {reason}</source>
        <translation>{number}：{name}：{reason}</translation>
    </message>
    <message>
        <source>root is not self-signed (its signature does not verify with its own key)</source>
        <translation>根 CA 不是自我簽署（其簽章無法以自己的金鑰驗證）</translation>
    </message>
    <message>
        <source>the root {name} is there but not at the bottom: move it to the end</source>
        <translation>根 CA {name} 已在清單中，但不在最下方：請將它移到最後</translation>
    </message>
    <message>
        <source>root is missing: add the certificate of {name}</source>
        <translation>缺少根 CA：請加入 {name} 的憑證</translation>
    </message>
    <message>
        <source>the last certificate is not a CA; the root belongs at the bottom</source>
        <translation>最後一張憑證不是 CA；根 CA 應放在最下方</translation>
    </message>
    <message>
        <source>longer than {count} certificates; stopped at {number}. {name}</source>
        <translation>超過 {count} 張憑證；停在 {number}. {name}</translation>
    </message>
    <message>
        <source>{number}. {name} names itself as issuer but its signature does not verify with its own key (damaged, or not a real root)</source>
        <translation>{number}. {name} 將自己列為簽發者，但其簽章無法以自己的金鑰驗證（已損毀，或不是真正的根 CA）</translation>
    </message>
    <message>
        <source>after {number}. {name}: missing the certificate of its issuer {issuer}</source>
        <translation>在 {number}. {name} 之後：缺少其簽發者 {issuer} 的憑證</translation>
    </message>
    <message>
        <source>{key} matches the {kind} {file} ({cn})</source>
        <translation>{key} 與{kind} {file}（{cn}）相符</translation>
    </message>
    <message>
        <source>{key} does NOT match the {kind} {file} ({cn})</source>
        <translation>{key} 與{kind} {file}（{cn}）不符</translation>
    </message>
    <message>
        <source>✓ {cn} ({file}): {reason}</source>
        <translation>✓ {cn}（{file}）：{reason}</translation>
    </message>
    <message>
        <source>✗ {cn} ({file}): {reason}</source>
        <translation>✗ {cn}（{file}）：{reason}</translation>
    </message>
    <message>
        <source>✗ {cn} ({file}) expired {days} day(s) ago, on {date}</source>
        <translation>✗ {cn}（{file}）已於 {date} 到期（{days} 天前）</translation>
    </message>
    <message>
        <source>{key} matches none of the certificates or CSRs given</source>
        <translation>{key} 與所提供的任何憑證或 CSR 都不符</translation>
    </message>
    <message>
        <source>is empty; give a file name</source>
        <translation>是空的；請提供檔名</translation>
    </message>
    <message>
        <source>holds control characters (a newline or ESC?); give a plain file name in the plan&apos;s folder</source>
        <translation>含有控制字元（換行或 ESC？）；請提供計畫資料夾中單純的檔名</translation>
    </message>
    <message>
        <source>is a path; give a plain file name in the plan&apos;s folder (no &apos;/&apos; or &apos;\&apos;)</source>
        <translation>是路徑；請提供計畫資料夾中單純的檔名（不可有 &apos;/&apos; 或 &apos;\&apos;）</translation>
    </message>
    <message>
        <source>holds &apos;..&apos;; give a plain file name in the plan&apos;s folder</source>
        <translation>含有 &apos;..&apos;；請提供計畫資料夾中單純的檔名</translation>
    </message>
    <message>
        <source>holds &apos;:&apos; (a drive letter or a stream); give a plain file name in the plan&apos;s folder</source>
        <translation>含有 &apos;:&apos;（磁碟機代號或資料流）；請提供計畫資料夾中單純的檔名</translation>
    </message>
    <message>
        <source>holds a space; the MMP would read it as two words: use &apos;-&apos; or &apos;_&apos; instead</source>
        <translation>含有空格；MMP 會把它讀成兩個字：請改用 &apos;-&apos; 或 &apos;_&apos;</translation>
    </message>
    <message>
        <source>holds {chars}, which a USB stick (FAT) or Windows cannot hold; rename it</source>
        <translation>含有 {chars}，USB 隨身碟 (FAT) 或 Windows 無法儲存；請重新命名</translation>
    </message>
    <message>
        <source>is {count} characters long; use at most {limit}</source>
        <translation>長度為 {count} 個字元；最多只能 {limit} 個</translation>
    </message>
    <message>
        <source>{name} and {other} ({where}) are one file on Windows, macOS and USB sticks; spell them the same</source>
        <translation>{name} 與 {other}（{where}）在 Windows、macOS 和 USB 隨身碟上是同一個檔案；請用相同的拼寫</translation>
    </message>
    <message>
        <source>{name} is already the {role} ({where}); one file cannot be both: give each its own name</source>
        <translation>{name} 已是{role}（{where}）；一個檔案不能同時身兼兩者：請各自使用不同的名稱</translation>
    </message>
    <message>
        <source>{name} is the {role} of {key} ({where}) and cannot also be that of {other}: give each its own name</source>
        <translation>{name} 是 {key} 的{role}（{where}），不能同時也是 {other} 的：請各自使用不同的名稱</translation>
    </message>
    <message>
        <source>command sheet</source>
        <translation>指令表</translation>
    </message>
    <message>
        <source>plan file</source>
        <translation>計畫檔</translation>
    </message>
    <message>
        <source>CSR</source>
        <translation>CSR</translation>
    </message>
    <message>
        <source>certificate</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 憑證套件組合</translation>
    </message>
    <message>
        <source>full chain</source>
        <translation>完整憑證信任鏈</translation>
    </message>
    <message>
        <source>peer trust file</source>
        <translation>對端信任檔</translation>
    </message>
    <message>
        <source>SIP trust bundle</source>
        <translation>SIP 信任憑證套件組合</translation>
    </message>
    <message>
        <source>database-cluster file</source>
        <translation>資料庫叢集檔案</translation>
    </message>
    <message>
        <source>database-cluster CA certificate</source>
        <translation>資料庫叢集 CA 憑證</translation>
    </message>
    <message>
        <source>is a link to {target}, outside the plan&apos;s folder; only files in the folder are sent: copy it in</source>
        <translation>是指向 {target} 的連結，位於計畫資料夾之外；只會傳送資料夾內的檔案：請把它複製進來</translation>
    </message>
    <message>
        <source>holds a space or control characters (a newline or ESC?); give the plain value</source>
        <translation>含有空格或控制字元（換行或 ESC？）；請提供單純的值</translation>
    </message>
    <message>
        <source>is not an SSH host key fingerprint; copy it as the MMP shows it, e.g. SHA256:…(43 characters)</source>
        <translation>不是 SSH 主機金鑰指紋；請照 MMP 顯示的內容複製，例如 SHA256:…（43 個字元）</translation>
    </message>
    <message>
        <source>node[{number}].name {name} reads as {shown}: the label {label} mixes Latin letters with {other} ones that look alike; make sure it is the server you mean</source>
        <translation>node[{number}].name {name} 顯示為 {shown}：標籤 {label} 混用了拉丁字母與外觀相似的 {other} 字母；請確認這是您要的伺服器</translation>
    </message>
    <message>
        <source>no CA certificate given, so no chain was verified: add the CA bundle or root</source>
        <translation>未提供 CA 憑證，因此沒有驗證任何憑證信任鏈：請加入 CA 憑證套件組合或根 CA</translation>
    </message>
    <message>
        <source>put an e-mail address in subjectAltName instead</source>
        <translation>請改把電子郵件地址放在 subjectAltName</translation>
    </message>
    <message>
        <source>write subjectAltName:&lt;name&gt;,&lt;name&gt;</source>
        <translation>請寫成 subjectAltName:&lt;name&gt;,&lt;name&gt;</translation>
    </message>
    <message>
        <source>write subjectAltName (singular)</source>
        <translation>請寫成 subjectAltName（單數）</translation>
    </message>
    <message>
        <source>write ST for the state or province</source>
        <translation>州或省請用 ST</translation>
    </message>
    <message>
        <source>write C with a two-letter code, e.g. C:TW</source>
        <translation>C 請用兩個字母的代碼，例如 C:TW</translation>
    </message>
    <message>
        <source>the MMP has no DC field; leave it out</source>
        <translation>MMP 沒有 DC 欄位；請省略</translation>
    </message>
    <message>
        <source>the MMP line makes its own key (believed RSA 2048, unconfirmed); typed on the CMS it would not reproduce this {label} key</source>
        <translation>MMP 指令會自行產生金鑰（應為 RSA 2048，未經確認）；在 CMS 上輸入將不會重現此 {label} 金鑰</translation>
    </message>
    <message>
        <source>has an unclosed quote; close it or remove it</source>
        <translation>有未關閉的引號；請補上或移除</translation>
    </message>
    <message>
        <source>must start with &apos;pki csr&apos; or &apos;pki selfsigned&apos;</source>
        <translation>必須以「pki csr」或「pki selfsigned」開頭</translation>
    </message>
    <message>
        <source>is missing: after &apos;pki {value}&apos; comes the file name (e.g. cms1), then CN:&lt;name&gt;</source>
        <translation>缺少：在「pki {value}」之後應接檔名（例如 cms1），再接 CN:&lt;名稱&gt;</translation>
    </message>
    <message>
        <source>{value} is separated by a space; join the names with commas only</source>
        <translation>{value} 以空格分隔；請只用逗號連接名稱</translation>
    </message>
    <message>
        <source>a /C=../CN=.. subject string is not MMP syntax; write CN:&lt;value&gt; C:&lt;code&gt; ...</source>
        <translation>/C=../CN=.. 形式的主體字串不是 MMP 語法；請寫成 CN:&lt;值&gt; C:&lt;代碼&gt; ...</translation>
    </message>
    <message>
        <source>write {name}:&lt;value&gt; with a colon, not {name}=&lt;value&gt;</source>
        <translation>請用冒號寫成 {name}:&lt;值&gt;，而不是 {name}=&lt;值&gt;</translation>
    </message>
    <message>
        <source>is not a KEY:value token; if it belongs to the previous value, put that value in quotes</source>
        <translation>不是「欄位:值」形式；若它屬於前一個值，請以引號括住該值</translation>
    </message>
    <message>
        <source>the MMP takes CN, OU, O, L, ST, C and subjectAltName</source>
        <translation>MMP 接受 CN、OU、O、L、ST、C 與 subjectAltName</translation>
    </message>
    <message>
        <source>unknown field; {hint}</source>
        <translation>未知的欄位；{hint}</translation>
    </message>
    <message>
        <source>is given twice; give each field once</source>
        <translation>出現兩次；每個欄位只能提供一次</translation>
    </message>
    <message>
        <source>is empty; give a value after the colon or leave the field out</source>
        <translation>是空的；請在冒號後提供值，或省略此欄位</translation>
    </message>
    <message>
        <source>is required: add CN:&lt;fully qualified domain name&gt;, e.g. CN:cms1.example.com</source>
        <translation>為必填：請加入 CN:&lt;完整網域名稱&gt;，例如 CN:cms1.example.com</translation>
    </message>
    <message>
        <source>is not a file name the MMP takes; use letters, digits, &apos;.&apos;, &apos;-&apos; and &apos;_&apos;</source>
        <translation>不是 MMP 接受的檔名；請只用字母、數字、&apos;.&apos;、&apos;-&apos; 和 &apos;_&apos;</translation>
    </message>
    <message>
        <source>name the same file twice; give five different names</source>
        <translation>同一個檔案指定了兩次；請給五個不同的檔名</translation>
    </message>
    <message>
        <source>Database cluster on {node}: the primary</source>
        <translation>{node} 上的資料庫叢集：主要節點</translation>
    </message>
    <message>
        <source>Database cluster on {node}: joins the cluster</source>
        <translation>{node} 上的資料庫叢集：加入叢集</translation>
    </message>
    <message>
        <source>Database cluster on {node}: only connects to the database</source>
        <translation>{node} 上的資料庫叢集：只連線到資料庫</translation>
    </message>
    <message>
        <source>on {node}: copy {files} with SFTP, then type</source>
        <translation>在 {node} 上：以 SFTP 複製 {files}，然後輸入</translation>
    </message>
    <message>
        <source>database cluster status must show this node as: (me): Connected Primary</source>
        <translation>database cluster status 必須顯示此節點為：(me): Connected Primary</translation>
    </message>
    <message>
        <source>join replaces this node&apos;s database with the primary&apos;s copy; its own data is overwritten</source>
        <translation>join 會以主要節點的副本取代此節點的資料庫；此節點原有的資料會被覆寫</translation>
    </message>
    <message>
        <source>Renewal, before anything else: back up every database node and download each backup</source>
        <translation>更新前，先做這件事：備份每個資料庫節點，並下載每份備份</translation>
    </message>
    <message>
        <source>on {node}: take a backup</source>
        <translation>在 {node} 上：建立備份</translation>
    </message>
    <message>
        <source>download {name}.bak (and {name}.json where it exists) from {node} with SFTP; keep them safe</source>
        <translation>以 SFTP 從 {node} 下載 {name}.bak（若有 {name}.json 也一併下載）；妥善保存</translation>
    </message>
    <message>
        <source>on every node, before removing: pki inspect each database certificate in use, to see which ones expired ({commands} or the names yours have)</source>
        <translation>在每個節點上，移除之前：以 pki inspect 檢查使用中的每張資料庫憑證，找出已到期者（{commands} 或您的實際檔名）</translation>
    </message>
    <message>
        <source>database cluster status shows which node is the primary now ((me): Connected Primary on it); the names below are the plan&apos;s: where the status says otherwise, follow the status</source>
        <translation>database cluster status 會顯示目前哪個節點是主要節點（該節點上顯示 (me): Connected Primary）；以下節點名稱取自計畫：若狀態顯示的不同，請以狀態為準</translation>
    </message>
    <message>
        <source>answer the question with a capital Y; the status must no longer list the cluster</source>
        <translation>以大寫 Y 回答確認問題；之後狀態必須不再列出叢集</translation>
    </message>
    <message>
        <source>first, on each node that only connects to the database (the plan: {nodes}): {answer}</source>
        <translation>首先，在每個僅連線到資料庫的節點上（計畫中為：{nodes}）：{answer}</translation>
    </message>
    <message>
        <source>then, on each replica: every database node the status did not show as the primary (the plan: {nodes}): {answer}</source>
        <translation>接著，在每個複本節點上，即狀態未顯示為主要節點的每個資料庫節點（計畫中為：{nodes}）：{answer}</translation>
    </message>
    <message>
        <source>last, on the primary: the node the status showed as (me): Connected Primary (the plan: {nodes}; it may have moved): {answer}</source>
        <translation>最後，在主要節點上，即狀態顯示為 (me): Connected Primary 的節點（計畫中為：{nodes}；主要節點可能已轉移）：{answer}</translation>
    </message>
    <message>
        <source>on every node: delete or rename the old files of the same names ({files}), then upload the new ones</source>
        <translation>在每個節點上：刪除或重新命名同名的舊檔案（{files}），再上傳新檔案</translation>
    </message>
    <message>
        <source>then set the cluster up again (the sections below): initialize on the node that was the primary (the plan: {node}); if the status showed another node as the primary, initialize there and join or connect the others to it instead</source>
        <translation>接著重新設定叢集（見下方各段）：在原本的主要節點上初始化（計畫中為：{node}）；若狀態顯示主要節點是另一個節點，請改在該節點上初始化，並讓其他節點加入或連線到該節點</translation>
    </message>
    <message>
        <source>{count} database nodes: use an odd number (3 or 5) so that a majority can still elect a primary when one node is lost; check the database clustering chapter of your CMS deployment guide</source>
        <translation>{count} 個資料庫節點：請使用奇數（3 或 5），失去一個節點時多數仍能選出主要節點；請查閱 CMS 部署指南的資料庫叢集章節</translation>
    </message>
    <message>
        <source>{item} is also a database core; list it once</source>
        <translation>{item} 也是資料庫核心；只需列出一次</translation>
    </message>
    <message>
        <source>are signed by the enterprise CA; the wizard makes only the on-box set</source>
        <translation>由企業 CA 簽署；精靈只會製作 CMS 內建 CA 的那一組</translation>
    </message>
    <message>
        <source>is an MMP interface letter such as a, b, c or d</source>
        <translation>是 MMP 的介面代號，例如 a、b、c 或 d</translation>
    </message>
    <message>
        <source>is not a node of this plan; the nodes are: {known}</source>
        <translation>不是此計畫的節點；節點為：{known}</translation>
    </message>
    <message>
        <source>must be a table ([{where}]); it is {kind}</source>
        <translation>必須是表格 ([{where}])；目前是 {kind}</translation>
    </message>
    <message>
        <source>unknown key; the keys here are: {known} (check the spelling)</source>
        <translation>未知的鍵；此處可用的鍵為：{known}（請檢查拼字）</translation>
    </message>
    <message>
        <source>is missing; add it (see docs/plan-format.md)</source>
        <translation>缺少此項；請加入（參閱 docs/plan-format.md）</translation>
    </message>
    <message>
        <source>must be {wanted}, not {kind}</source>
        <translation>必須是 {wanted}，而不是 {kind}</translation>
    </message>
    <message>
        <source>must be a string, not {kind}</source>
        <translation>必須是字串，而不是 {kind}</translation>
    </message>
    <message>
        <source>{value} is not one of: {choices}</source>
        <translation>{value} 不是下列之一：{choices}</translation>
    </message>
    <message>
        <source>must be written as [[{key}]] tables</source>
        <translation>必須寫成 [[{key}]] 表格</translation>
    </message>
    <message>
        <source>is not valid TOML ({p}); fix that line</source>
        <translation>不是有效的 TOML ({p})；請修正該行</translation>
    </message>
    <message>
        <source>nests tables or lists too deeply to be a plan; is this the right file?</source>
        <translation>表格或清單的巢狀層次太深，不可能是計畫檔；這是正確的檔案嗎？</translation>
    </message>
    <message>
        <source>is {value}; this cmswizard reads plan schema {known}: update cmswizard or save the plan again</source>
        <translation>是 {value}；此版 cmswizard 讀取計畫結構描述 {known}：請更新 cmswizard 或重新儲存計畫</translation>
    </message>
    <message>
        <source>a single combined server has one node; set cms.topology to &quot;cluster&quot;</source>
        <translation>單一整合伺服器只有一個節點；請將 cms.topology 設為 &quot;cluster&quot;</translation>
    </message>
    <message>
        <source>an edge deployment needs at least one node with role = &quot;edge&quot;</source>
        <translation>邊緣部署至少需要一個 role = &quot;edge&quot; 的節點</translation>
    </message>
    <message>
        <source>edge nodes need cms.topology = &quot;edge&quot;; change the topology or the role</source>
        <translation>邊緣節點需要 cms.topology = &quot;edge&quot;；請變更拓撲或角色</translation>
    </message>
    <message>
        <source>needs schema = 2 (plan schema 1 has no issuers)</source>
        <translation>需要 schema = 2（計畫結構描述 1 沒有簽發者）</translation>
    </message>
    <message>
        <source>needs schema = 2 (plan schema 1 has no renewal settings)</source>
        <translation>需要 schema = 2（計畫結構描述 1 沒有更新設定）</translation>
    </message>
    <message>
        <source>{value}: give a plain file name (the sheet is written beside the plan)</source>
        <translation>{value}：請提供單純的檔名（指令表會寫在計畫檔旁邊）</translation>
    </message>
    <message>
        <source>name a file (mode 0600) or keyring:&lt;service&gt;/&lt;name&gt;; never the secret itself</source>
        <translation>請指定一個檔案（權限 0600）或 keyring:&lt;service&gt;/&lt;name&gt;；絕不要寫入機密本身</translation>
    </message>
    <message>
        <source>write keyring:&lt;service&gt;/&lt;name&gt; (both parts)</source>
        <translation>請寫成 keyring:&lt;service&gt;/&lt;name&gt;（兩部分都要）</translation>
    </message>
    <message>
        <source>holds a secret: put it in a file of mode 0600 and name that file here</source>
        <translation>含有機密：請將它放在權限 0600 的檔案中，並在此指定該檔案</translation>
    </message>
    <message>
        <source>{value} is not a port; give 1 to 65535</source>
        <translation>{value} 不是連接埠；請輸入 1 到 65535</translation>
    </message>
    <message>
        <source>give 1 to 3600 seconds</source>
        <translation>請輸入 1 到 3600 秒</translation>
    </message>
    <message>
        <source>rfc2136 updates are signed: name the TSIG key file (tsig-keygen writes one)</source>
        <translation>rfc2136 更新必須簽署：請指定 TSIG 金鑰檔（tsig-keygen 可產生）</translation>
    </message>
    <message>
        <source>must be written as [issuers.&lt;name&gt;] tables</source>
        <translation>必須寫成 [issuers.&lt;name&gt;] 表格</translation>
    </message>
    <message>
        <source>an issuer&apos;s name is letters, digits, - and _ (e.g. public, internal)</source>
        <translation>簽發者名稱只能包含字母、數字、- 與 _（例如 public、internal）</translation>
    </message>
    <message>
        <source>belongs to an acme issuer; a {kind} issuer has only type</source>
        <translation>屬於 acme 簽發者；{kind} 簽發者只有 type</translation>
    </message>
    <message>
        <source>{value}: give the CA&apos;s https:// directory URL</source>
        <translation>{value}：請輸入 CA 的 https:// 目錄 URL</translation>
    </message>
    <message>
        <source>write mailto:someone@example.com</source>
        <translation>請寫成 mailto:someone@example.com</translation>
    </message>
    <message>
        <source>external account binding needs both eab_kid and eab_hmac_key (a file or keyring entry)</source>
        <translation>外部帳戶繫結需要 eab_kid 與 eab_hmac_key 兩者（檔案或金鑰圈項目）</translation>
    </message>
    <message>
        <source>{name} is no [issuers.&lt;name&gt;] of this plan (issuers: {known})</source>
        <translation>{name} 不是此計畫的 [issuers.&lt;name&gt;]（簽發者：{known}）</translation>
    </message>
    <message>
        <source>{issuer} is a public ACME CA, which issues serverAuth only; {service} is also a TLS client (it needs clientAuth): give this certificate an internal issuer (builtin, manual or an acme issuer with public = false)</source>
        <translation>{issuer} 是公開 ACME CA，只簽發 serverAuth；{service} 也是 TLS 用戶端（需要 clientAuth）：請為此憑證指定內部簽發者（builtin、manual，或 public = false 的 acme 簽發者）</translation>
    </message>
    <message>
        <source>deploy = &quot;ssh&quot; runs unattended: name the SSH key file (mode 0600)</source>
        <translation>deploy = &quot;ssh&quot; 會在無人值守下執行：請指定 SSH 金鑰檔（權限 0600）</translation>
    </message>
    <message>
        <source>the plan has no [[node]]; add one per CMS server</source>
        <translation>計畫中沒有 [[node]]；請為每台 CMS 伺服器加入一個</translation>
    </message>
    <message>
        <source>{name} is on no [[node]]; add that node or fix the name (nodes: {known})</source>
        <translation>{name} 不在任何 [[node]] 中；請加入該節點或修正名稱（節點：{known}）</translation>
    </message>
    <message>
        <source>{value} is not a service of CMS {version}; use one of: {choices}</source>
        <translation>{value} 不是 CMS {version} 的服務；請使用下列之一：{choices}</translation>
    </message>
    <message>
        <source>{name} is used twice; give each key its own basename</source>
        <translation>{name} 使用了兩次；請為每個金鑰指定自己的基本名稱</translation>
    </message>
    <message>
        <source>{service} takes one full-chain file as its certificate; remove bundle</source>
        <translation>{service} 以一個完整憑證信任鏈檔案作為憑證；請移除 bundle</translation>
    </message>
    <message>
        <source>is not UTF-8 text; save the plan as UTF-8</source>
        <translation>不是 UTF-8 文字；請將計畫儲存為 UTF-8</translation>
    </message>
    <message>
        <source>an edge deployment needs at least one core server</source>
        <translation>邊緣部署至少需要一台核心伺服器</translation>
    </message>
    <message>
        <source>is the name of two different files ({first} and {second}); on the MMP they would be one file: rename one of them</source>
        <translation>是兩個不同檔案的名稱（{first} 與 {second}）；在 MMP 上它們會變成同一個檔案：請將其中一個改名</translation>
    </message>
    <message>
        <source>every Web Bridge 3 certificate</source>
        <translation>每一個 Web Bridge 3 憑證</translation>
    </message>
    <message>
        <source>every Call Bridge and Scheduler certificate</source>
        <translation>每一個 Call Bridge 與 Scheduler 憑證</translation>
    </message>
    <message>
        <source>the Call Bridge certificates</source>
        <translation>Call Bridge 憑證</translation>
    </message>
    <message>
        <source>every XMPP node certificate</source>
        <translation>每一個 XMPP 節點憑證</translation>
    </message>
    <message>
        <source>{value}: use letters, digits, &apos;-&apos; and &apos;_&apos; only</source>
        <translation>{value}：只能使用英文字母、數字、「-」和「_」</translation>
    </message>
    <message>
        <source>does not exist on {version}; remove it</source>
        <translation>在 {version} 上不存在；請移除</translation>
    </message>
    <message>
        <source>({label}) is not one of the servers; check the name</source>
        <translation>（{label}）不是其中一台伺服器；請檢查名稱</translation>
    </message>
    <message>
        <source>{port} is the port the web bridge listens on at {node} (interface {interface}): TURN TLS and the web bridge cannot share it; give TURN another port, e.g. 447</source>
        <translation>{port} 是 web bridge 在 {node}（介面 {interface}）上接聽的連接埠：TURN TLS 與 web bridge 不能共用；請給 TURN 另一個連接埠，例如 447</translation>
    </message>
    <message>
        <source>runs the Scheduler but no Call Bridge: the Scheduler reaches the Call Bridge over the loopback interface, so put it on a server with a Call Bridge</source>
        <translation>執行 Scheduler 但沒有 Call Bridge：Scheduler 經由回送介面連到 Call Bridge，請將它放在有 Call Bridge 的伺服器上</translation>
    </message>
    <message>
        <source>files to upload here: {files}</source>
        <translation>要上傳到此節點的檔案：{files}</translation>
    </message>
    <message>
        <source>elsewhere: CUCM and Expressway</source>
        <translation>其他系統：CUCM 與 Expressway</translation>
    </message>
    <message>
        <source>Cisco Meeting Server {version}: certificate commands (made by cmswizard)</source>
        <translation>Cisco Meeting Server {version}：憑證指令（由 cmswizard 產生）</translation>
    </message>
    <message>
        <source>1. Upload the files listed for each node with SFTP to the MMP (log in as the admin user).</source>
        <translation>1. 以 SFTP 將各節點列出的檔案上傳到 MMP（以管理員帳號登入）。</translation>
    </message>
    <message>
        <source>2. Type the commands at the MMP prompt, in order. Lines starting with # are explanations: skip them.</source>
        <translation>2. 依序在 MMP 提示字元輸入指令。以 # 開頭的行是說明：請略過。</translation>
    </message>
    <message>
        <source>Each certs/enable/restart step answers SUCCESS or FAILURE. On FAILURE stop, and check the file names with &apos;pki list&apos;, the key with &apos;pki match&apos; and the chain with &apos;pki verify&apos;.</source>
        <translation>每個 certs/enable/restart 步驟都會回應 SUCCESS 或 FAILURE。出現 FAILURE 時請停止，用 &apos;pki list&apos; 檢查檔名、&apos;pki match&apos; 檢查私密金鑰、&apos;pki verify&apos; 檢查憑證信任鏈。</translation>
    </message>
    <message>
        <source>Every command and its Cisco source: cms-reference.md, installed with cmswizard (cmswizard --reference prints where).</source>
        <translation>每個指令及其 Cisco 出處：cms-reference.md，隨 cmswizard 一併安裝（cmswizard --reference 會顯示其位置）。</translation>
    </message>
    <message>
        <source>{name} is a peer trust file made by cmswizard: {what}, as {content}, from {files}</source>
        <translation>{name} 是 cmswizard 製作的對端信任檔：收錄{what}，內容為{content}；由 {files} 製成</translation>
    </message>
    <message>
        <source>Check first: the files are on this node, each key fits its certificate, each chain verifies</source>
        <translation>先檢查：檔案都在此節點上、每把私密金鑰與其憑證相符、每條憑證信任鏈都能驗證</translation>
    </message>
    <message>
        <source>{label}: no readable Cisco document gives a command to assign {cert} for CUCM; the Call Bridge shows CUCM the certificate of its callbridge certs line. UNCONFIRMED step: the Call Bridge&apos;s UCM trust store (shown by callbridge): look up its command in the MMP Command Reference</source>
        <translation>{label}：沒有可讀的 Cisco 文件提供為 CUCM 指定 {cert} 的指令；Call Bridge 會向 CUCM 出示其 callbridge certs 那一行的憑證。未經確認的步驟：Call Bridge 的 UCM 信任儲存區（callbridge 會顯示）：請在 MMP 指令參考中查詢其指令</translation>
    </message>
    <message>
        <source>SIP mutual TLS: trust the CA bundle of the SIP peers, then turn verification on (before the restart: TLS settings apply when the Call Bridge restarts)</source>
        <translation>SIP 雙向 TLS：信任 SIP 對端的 CA 憑證套件組合，再開啟驗證（在重新啟動之前：TLS 設定於 Call Bridge 重新啟動時生效）</translation>
    </message>
    <message>
        <source>UNCONFIRMED step: the Call Bridge cluster trust (callbridge shows &apos;Callbridge cluster trusted certs&apos;, TAC 221776) must hold every Call Bridge certificate; no readable Cisco text gives its command: look it up in the MMP Command Reference</source>
        <translation>未經確認的步驟：Call Bridge 叢集信任（callbridge 顯示「Callbridge cluster trusted certs」，TAC 221776）必須包含每張 Call Bridge 憑證；沒有可讀的 Cisco 文字提供其指令：請在 MMP 指令參考中查詢</translation>
    </message>
    <message>
        <source>UNCONFIRMED step, if the Call Bridge reads users over LDAPS: trust the LDAP server&apos;s CA with the tls ldap commands (TAC 222766 names the tls ldap service); look up their syntax in the MMP Command Reference</source>
        <translation>未經確認的步驟，若 Call Bridge 經由 LDAPS 讀取使用者：以 tls ldap 指令信任 LDAP 伺服器的 CA（TAC 222766 提到 tls ldap 服務）；請在 MMP 指令參考中查詢其語法</translation>
    </message>
    <message>
        <source>{file} with its intermediates and root</source>
        <translation>{file} 及其中繼憑證與根 CA</translation>
    </message>
    <message>
        <source>CUCM: upload the Call Bridge certificate with its chain ({chain}) as CallManager-trust (OS Administration &gt; Security &gt; Certificate Management), then restart the Cisco CallManager service (TAC 213820)</source>
        <translation>CUCM：將 Call Bridge 憑證連同其憑證信任鏈（{chain}）上傳為 CallManager-trust（OS Administration &gt; Security &gt; Certificate Management），然後重新啟動 Cisco CallManager 服務（TAC 213820）</translation>
    </message>
    <message>
        <source>CUCM: Web Admin has its own certificate ({files}): upload it with its chain as CallManager-trust too; it must name the conference bridge host name CUCM uses, and not be a wildcard (TAC 213820)</source>
        <translation>CUCM：Web Admin 有自己的憑證（{files}）：也將它連同憑證信任鏈上傳為 CallManager-trust；它必須包含 CUCM 使用的會議橋主機名稱，且不得為萬用字元憑證（TAC 213820）</translation>
    </message>
    <message>
        <source>Expressway-C and Expressway-E: trust the CA that signed {file} (no readable Cisco text gives the list; check your Expressway guide)</source>
        <translation>Expressway-C 與 Expressway-E：信任簽署 {file} 的 CA（沒有可讀的 Cisco 文字列出清單；請查閱您的 Expressway 指南）</translation>
    </message>
    <message>
        <source>CUCM SIP trunk to the Call Bridge: its X.509 Subject Name must be {cn} (TAC 213820)</source>
        <translation>通往 Call Bridge 的 CUCM SIP 主幹：其 X.509 主體名稱必須是 {cn}（TAC 213820）</translation>
    </message>
    <message>
        <source>{label}: disable, listen, assign key, certificate and CA bundle, enable</source>
        <translation>{label}：停用、設定監聽、指定私密金鑰、憑證與 CA 憑證套件組合、啟用</translation>
    </message>
    <message>
        <source>the web bridge uses port {used} on this server: Web Admin moves to {port} (https://{node}:{port})</source>
        <translation>此伺服器的 Web Bridge 使用連接埠 {used}：Web Admin 改用 {port}（https://{node}:{port}）</translation>
    </message>
    <message>
        <source>every Scheduler: rebuild its &apos;scheduler c2w trust&apos; file with the new Web Bridge 3 certificate (all Web Bridges in one file)</source>
        <translation>每個 Scheduler：以新的 Web Bridge 3 憑證重建其「scheduler c2w trust」檔案（所有 Web Bridge 放在一個檔案中）</translation>
    </message>
    <message>
        <source>every Web Bridge 3: rebuild its &apos;webbridge3 c2w trust&apos; file with the new certificate (all Call Bridges and Schedulers in one file), then &apos;webbridge3 restart&apos;</source>
        <translation>每個 Web Bridge 3：以新憑證重建其「webbridge3 c2w trust」檔案（所有 Call Bridge 與 Scheduler 放在一個檔案中），然後執行「webbridge3 restart」</translation>
    </message>
    <message>
        <source>every Web Bridge 2 (2.x): rebuild its &apos;webbridge trust&apos; file with the new Call Bridge certificate</source>
        <translation>每個 Web Bridge 2（2.x）：以新的 Call Bridge 憑證重建其「webbridge trust」檔案</translation>
    </message>
    <message>
        <source>CUCM: upload the new Call Bridge certificate with its chain as CallManager-trust, then restart the Cisco CallManager service (TAC 213820)</source>
        <translation>CUCM：將新的 Call Bridge 憑證連同其憑證信任鏈上傳為 CallManager-trust，然後重新啟動 Cisco CallManager 服務（TAC 213820）</translation>
    </message>
    <message>
        <source>CUCM, when Web Admin has its own certificate: upload the new one with its chain as CallManager-trust too (TAC 213820)</source>
        <translation>CUCM，若 Web Admin 有自己的憑證：也將新的憑證連同其憑證信任鏈上傳為 CallManager-trust（TAC 213820）</translation>
    </message>
    <message>
        <source>every XMPP node (2.x): rebuild its &apos;xmpp cluster trust&apos; file with the new XMPP certificate</source>
        <translation>每個 XMPP 節點（2.x）：以新的 XMPP 憑證重建其「xmpp cluster trust」檔案</translation>
    </message>
    <message>
        <source>SIP peers that check the Call Bridge (&apos;tls sip trust&apos; on other Call Bridges): add the new CA bundle</source>
        <translation>檢查 Call Bridge 的 SIP 對端（其他 Call Bridge 上的「tls sip trust」）：加入新的 CA 憑證套件組合</translation>
    </message>
    <message>
        <source>trust files that hold only the root CA: if the new issuing CA is under another root, add that root</source>
        <translation>只含根 CA 的信任檔案：若新的簽發 CA 位於另一個根 CA 之下，請加入該根 CA</translation>
    </message>
    <message>
        <source>{label}: listen, assign key, certificate and CA bundle, trust the peers, restart (calls in progress drop)</source>
        <translation>{label}：設定監聽、指定私密金鑰、憑證與 CA 憑證套件組合、信任對端、重新啟動（進行中的通話會中斷）</translation>
    </message>
    <message>
        <source>{label}: disable, listen, assign, trust the Call Bridge (or guest joins fail), enable</source>
        <translation>{label}：停用、設定監聽、指定檔案、信任 Call Bridge（否則訪客無法加入）、啟用</translation>
    </message>
    <message>
        <source>no Call Bridge certificate is listed: add it, then type webbridge trust &lt;its file&gt;</source>
        <translation>未列出 Call Bridge 憑證：請加入，然後輸入 webbridge trust &lt;其檔案&gt;</translation>
    </message>
    <message>
        <source>{label}: HTTPS and the Call Bridge link (C2W) with the full-chain file; C2W port {port} must be the port of the c2w:// URL set on the Call Bridge through the API</source>
        <translation>{label}：HTTPS 與 Call Bridge 連線 (C2W) 都使用完整憑證信任鏈檔案；C2W 連接埠 {port} 必須與透過 API 在 Call Bridge 設定的 c2w:// URL 的連接埠相同</translation>
    </message>
    <message>
        <source>when Web Bridge 3 is already enabled, type webbridge3 restart instead</source>
        <translation>若 Web Bridge 3 已啟用，請改輸入 webbridge3 restart</translation>
    </message>
    <message>
        <source>{label}: disable, assign key, certificate and CA bundle, enable</source>
        <translation>{label}：停用、指定私密金鑰、憑證與 CA 憑證套件組合、啟用</translation>
    </message>
    <message>
        <source>{label}: disable, assign, set the TLS port (the certificate is unused without it), enable</source>
        <translation>{label}：停用、指定檔案、設定 TLS 連接埠（未設定則憑證不會被使用）、啟用</translation>
    </message>
    <message>
        <source>the {service} row is for this edge server, but {service} runs on the core servers: give the row a core server, or no server so that every core gets it</source>
        <translation>{service} 這一列指定了這台邊緣伺服器，但 {service} 在核心伺服器上執行：請為這一列指定核心伺服器，或不指定伺服器，讓每台核心伺服器都套用</translation>
    </message>
    <message>
        <source>the {service} row is for this core server, but {service} runs on the edge servers: give the row an edge server, or no server so that every edge gets it</source>
        <translation>{service} 這一列指定了這台核心伺服器，但 {service} 在邊緣伺服器上執行：請為這一列指定邊緣伺服器，或不指定伺服器，讓每台邊緣伺服器都套用</translation>
    </message>
    <message>
        <source>{label}: no Cisco document here gives the command; assign {key}, {cert} and {bundle} as your CMS guide for your version says</source>
        <translation>{label}：此處沒有 Cisco 文件提供這個指令；請依您版本的 CMS 指南指定 {key}、{cert} 與 {bundle}</translation>
    </message>
    <message>
        <source>check: {command} with no argument shows the files in use</source>
        <translation>檢查：不加引數輸入 {command} 會顯示使用中的檔案</translation>
    </message>
    <message>
        <source>the CN of {file} (pki inspect {file})</source>
        <translation>{file} 的一般名稱 (CN)（pki inspect {file}）</translation>
    </message>
    <message>
        <source>CUCM SIP trunk to the Call Bridge on {node}: its X.509 Subject Name must be {cn} (TAC 213820)</source>
        <translation>通往 {node} 上 Call Bridge 的 CUCM SIP 主幹：其 X.509 主體名稱必須是 {cn}（TAC 213820）</translation>
    </message>
    <message>
        <source>core</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>cluster node</source>
        <translation>叢集節點</translation>
    </message>
    <message>
        <source>edge</source>
        <translation>邊緣</translation>
    </message>
    <message>
        <source>{name} holds {file}, the renewed certificate; one trust file holds every peer (TAC 217367): add any peer certificate not renewed here to {name} first</source>
        <translation>{name} 內含憑證更新後的 {file}；一個信任檔要包含每個對端（TAC 217367）：未在此更新的對端憑證，請先加入 {name}</translation>
    </message>
    <message>
        <source>Call Bridge: trust the renewed Web Bridge 3 certificate, restart (calls in progress drop)</source>
        <translation>Call Bridge：信任憑證更新後的 Web Bridge 3 憑證，然後重新啟動（進行中的通話會中斷）</translation>
    </message>
    <message>
        <source>if the Scheduler runs on this server, type also: scheduler c2w trust {name}</source>
        <translation>若這台伺服器也執行 Scheduler，請再輸入：scheduler c2w trust {name}</translation>
    </message>
    <message>
        <source>Web Bridge 3: trust the renewed certificate for the Call Bridge link (C2W), restart</source>
        <translation>Web Bridge 3：在 Call Bridge 連線（C2W）上信任憑證更新後的憑證，然後重新啟動</translation>
    </message>
    <message>
        <source>Web Bridge: trust the renewed Call Bridge certificate (or guest joins fail)</source>
        <translation>Web Bridge：信任憑證更新後的 Call Bridge 憑證（否則訪客無法加入）</translation>
    </message>
    <message>
        <source>trusts the renewed certificate</source>
        <translation>信任憑證更新後的憑證</translation>
    </message>
    <message>
        <source>Before any change: take a backup, then download {name}.bak with SFTP</source>
        <translation>變更之前：先建立備份，再以 SFTP 下載 {name}.bak</translation>
    </message>
    <message>
        <source>every database node</source>
        <translation>每個資料庫節點</translation>
    </message>
    <message>
        <source>renewal: do this first</source>
        <translation>更新憑證：先做這一段</translation>
    </message>
    <message>
        <source>database node</source>
        <translation>資料庫節點</translation>
    </message>
    <message>
        <source>is used by a command but not in the export set; add it or change the file</source>
        <translation>被指令使用，但不在匯出的檔案中；請加入它或更換檔案</translation>
    </message>
    <message>
        <source>CMS 2.0–2.8</source>
        <translation>CMS 2.0–2.8</translation>
    </message>
    <message>
        <source>CMS 2.9</source>
        <translation>CMS 2.9</translation>
    </message>
    <message>
        <source>CMS 3.x</source>
        <translation>CMS 3.x</translation>
    </message>
    <message>
        <source>Web Admin</source>
        <translation>Web Admin</translation>
    </message>
    <message>
        <source>Web Bridge 3 HTTPS</source>
        <translation>Web Bridge 3 HTTPS</translation>
    </message>
    <message>
        <source>Web Bridge 3 C2W</source>
        <translation>Web Bridge 3 C2W</translation>
    </message>
    <message>
        <source>Call Bridge SIP TLS</source>
        <translation>Call Bridge SIP TLS</translation>
    </message>
    <message>
        <source>TURN TLS</source>
        <translation>TURN TLS</translation>
    </message>
    <message>
        <source>XMPP (STARTTLS)</source>
        <translation>XMPP (STARTTLS)</translation>
    </message>
    <message>
        <source>Web Bridge (2.x)</source>
        <translation>Web Bridge (2.x)</translation>
    </message>
    <message>
        <source>Database cluster (PostgreSQL TLS)</source>
        <translation>資料庫叢集（PostgreSQL TLS）</translation>
    </message>
    <message>
        <source>TLS server</source>
        <translation>TLS 伺服器</translation>
    </message>
    <message>
        <source>Call Bridge</source>
        <translation>Call Bridge</translation>
    </message>
    <message>
        <source>Web Bridge</source>
        <translation>Web Bridge</translation>
    </message>
    <message>
        <source>Web Bridge 3</source>
        <translation>Web Bridge 3</translation>
    </message>
    <message>
        <source>Scheduler (C2W)</source>
        <translation>Scheduler (C2W)</translation>
    </message>
    <message>
        <source>TURN</source>
        <translation>TURN</translation>
    </message>
    <message>
        <source>CUCM trunk (Call Bridge)</source>
        <translation>CUCM 主幹（Call Bridge）</translation>
    </message>
    <message>
        <source>Load balancer / trunk</source>
        <translation>負載平衡器 / 主幹</translation>
    </message>
    <message>
        <source>public CAs are dropping clientAuth (Chrome Root Program) and Cisco asks for both: use a CA template with serverAuth and clientAuth, or your enterprise CA</source>
        <translation>公用 CA 正逐步停止核發 clientAuth（Chrome Root Program），而 Cisco 要求兩者兼具：請使用含 serverAuth 與 clientAuth 的 CA 範本，或改用企業 CA</translation>
    </message>
    <message>
        <source>{file}: the {service} needs {missing} in the extended key usage and this certificate has not; {advice}</source>
        <translation>{file}：{service} 需要延伸金鑰使用方法含 {missing}，此憑證沒有；{advice}</translation>
    </message>
    <message>
        <source>this certificate</source>
        <translation>此憑證</translation>
    </message>
    <message>
        <source>{file}: the {service} needs {missing} in the extended key usage and this certificate has not; ask the CA for a server certificate</source>
        <translation>{file}：{service} 需要延伸金鑰使用方法含 {missing}，此憑證沒有；請向 CA 申請伺服器憑證</translation>
    </message>
    <message>
        <source>fits every CMS service (serverAuth and clientAuth, or no EKU limit)</source>
        <translation>適用所有 CMS 服務（含 serverAuth 與 clientAuth，或沒有 EKU 限制）</translation>
    </message>
    <message>
        <source>CMS services: fits {services}</source>
        <translation>CMS 服務：適用 {services}</translation>
    </message>
    <message>
        <source>NOT for {services}: they need clientAuth as well; {advice}</source>
        <translation>不適用 {services}：它們也需要 clientAuth；{advice}</translation>
    </message>
    <message>
        <source>NOT for {services}: they need serverAuth</source>
        <translation>不適用 {services}：它們需要 serverAuth</translation>
    </message>
    <message>
        <source>XMPP</source>
        <translation>XMPP</translation>
    </message>
    <message>
        <source>CMS 2.0–2.8 (Web Bridge 2, XMPP; database CA from 2.7)</source>
        <translation>CMS 2.0–2.8（Web Bridge 2、XMPP；資料庫 CA 自 2.7 起）</translation>
    </message>
    <message>
        <source>CMS 2.9 (Web Bridge 2 and 3, XMPP)</source>
        <translation>CMS 2.9（Web Bridge 2 與 3、XMPP）</translation>
    </message>
    <message>
        <source>CMS 3.x (Web Bridge 3; Scheduler: beta 3.3, from 3.4 / 3.5)</source>
        <translation>CMS 3.x（Web Bridge 3；Scheduler：3.3 測試版，自 3.4 / 3.5 起支援）</translation>
    </message>
    <message>
        <source>Database cluster</source>
        <translation>資料庫叢集</translation>
    </message>
    <message>
        <source>{name} is given twice; list each server once</source>
        <translation>{name} 重複輸入了；每台伺服器只列一次</translation>
    </message>
    <message>
        <source>{name} is both a core and an edge server; a server has one role: list it once</source>
        <translation>{name} 同時是核心伺服器與邊緣伺服器；一台伺服器只有一種角色：請只列一次</translation>
    </message>
    <message>
        <source>enter at least one server name, e.g. cms1.example.com</source>
        <translation>請至少輸入一個伺服器名稱，例如 cms1.example.com</translation>
    </message>
    <message>
        <source>a single combined server has one name; choose Cluster for several</source>
        <translation>單一整合伺服器只有一個名稱；若有多台請選擇「叢集」</translation>
    </message>
    <message>
        <source>enter at least one edge server, or choose another topology</source>
        <translation>請至少輸入一台邊緣伺服器，或選擇其他拓撲</translation>
    </message>
    <message>
        <source>one certificate for every service; the CN and every name in the SAN</source>
        <translation>所有服務共用一張憑證；一般名稱 (CN) 與所有名稱都在主體別名 (SAN) 中</translation>
    </message>
    <message>
        <source>the name the admin browses to</source>
        <translation>管理員瀏覽時使用的名稱</translation>
    </message>
    <message>
        <source>serverAuth and clientAuth; every Call Bridge in the SAN</source>
        <translation>serverAuth 與 clientAuth；每台 Call Bridge 都在主體別名 (SAN) 中</translation>
    </message>
    <message>
        <source>every name users type to join</source>
        <translation>使用者加入會議時輸入的每個名稱</translation>
    </message>
    <message>
        <source>serverAuth and clientAuth; its certificate also goes into the Web Bridge 3 C2W trust</source>
        <translation>serverAuth 與 clientAuth；其憑證也要放進 Web Bridge 3 的 C2W 信任</translation>
    </message>
    <message>
        <source>XMPP clients need the XMPP domain and server names in the SAN</source>
        <translation>XMPP 用戶端需要主體別名 (SAN) 中包含 XMPP 網域與伺服器名稱</translation>
    </message>
    <message>
        <source>the TURN server&apos;s own name</source>
        <translation>TURN 伺服器自己的名稱</translation>
    </message>
    <message>
        <source>serverAuth and clientAuth</source>
        <translation>serverAuth 與 clientAuth</translation>
    </message>
    <message>
        <source>reusing the name of a key that a CMS service is using breaks that service at once; choose a new basename, or confirm the overwrite (--force) if this key is not in use</source>
        <translation>沿用 CMS 服務正在使用的金鑰名稱會立即中斷該服務；請選擇新的基本名稱，或在此金鑰未使用時確認覆寫 (--force)</translation>
    </message>
    <message>
        <source>the disk is full; free some space or choose another folder</source>
        <translation>磁碟已滿；請釋出空間或選擇其他資料夾</translation>
    </message>
    <message>
        <source>the disk quota is exhausted; free some space or choose another folder</source>
        <translation>磁碟配額已用完；請釋出空間或選擇其他資料夾</translation>
    </message>
    <message>
        <source>permission denied; choose a folder you can write to</source>
        <translation>權限不足；請選擇您可以寫入的資料夾</translation>
    </message>
    <message>
        <source>the file system is read-only; choose another folder or remount it writable</source>
        <translation>檔案系統為唯讀；請選擇其他資料夾，或以可寫入方式重新掛載</translation>
    </message>
    <message>
        <source>the folder does not exist (was the drive removed?)</source>
        <translation>資料夾不存在（磁碟是否已移除？）</translation>
    </message>
    <message>
        <source>a part of the path is a file, not a folder</source>
        <translation>路徑中有一部分是檔案，而非資料夾</translation>
    </message>
    <message>
        <source>input/output error (was the drive removed?)</source>
        <translation>輸入/輸出錯誤（磁碟是否已移除？）</translation>
    </message>
    <message>
        <source>the name or path is too long for the file system; choose a shorter one</source>
        <translation>名稱或路徑對此檔案系統而言太長；請選擇較短的名稱</translation>
    </message>
    <message>
        <source>the file system does not accept this name (FAT and Windows refuse : ? * &quot; &lt; &gt; |)</source>
        <translation>檔案系統不接受此名稱（FAT 與 Windows 不允許 : ? * &quot; &lt; &gt; |）</translation>
    </message>
    <message>
        <source>is a symbolic link; cmswizard never writes through links: remove it or choose another name</source>
        <translation>是符號連結；cmswizard 絕不透過連結寫入：請移除它或選擇其他名稱</translation>
    </message>
    <message>
        <source>is a folder; choose a file name</source>
        <translation>是資料夾；請選擇檔名</translation>
    </message>
    <message>
        <source>its folder is there but takes no more files: it may be full (a FAT folder holds a limited number of names, long names take several); nothing more was written there: copy fewer files into it, or use a stick formatted as exFAT</source>
        <translation>其資料夾存在但無法再放入檔案：資料夾可能已滿（FAT 資料夾能容納的名稱數量有限，長檔名會佔用多個項目）；沒有再寫入任何檔案：請減少複製到該資料夾的檔案，或使用格式化為 exFAT 的隨身碟</translation>
    </message>
    <message>
        <source>folder does not exist; create it or choose another</source>
        <translation>資料夾不存在；請建立資料夾或選擇其他資料夾</translation>
    </message>
    <message>
        <source>is a file, not a folder; choose a folder</source>
        <translation>是檔案而非資料夾；請選擇資料夾</translation>
    </message>
    <message>
        <source>the file name holds control characters (a newline?); choose a plain name</source>
        <translation>檔名含有控制字元（換行？）；請使用不含特殊字元的名稱</translation>
    </message>
    <message>
        <source>the file name is {count} characters long; Windows allows 255: choose a shorter name</source>
        <translation>檔名長度為 {count} 個字元；Windows 最多允許 255 個：請改用較短的名稱</translation>
    </message>
    <message>
        <source>the file name is {count} bytes; file systems allow 255: choose a shorter name</source>
        <translation>檔名有 {count} 位元組；檔案系統最多允許 255：請選擇較短的名稱</translation>
    </message>
    <message>
        <source>is a symbolic link to {target}, which does not exist; remove the link or choose another name</source>
        <translation>是指向 {target} 的符號連結，而該目標不存在；請移除連結或選擇其他名稱</translation>
    </message>
    <message>
        <source>is a symbolic link to {target}; cmswizard never writes through links: remove it or choose another name</source>
        <translation>是指向 {target} 的符號連結；cmswizard 絕不透過連結寫入：請移除它或選擇其他名稱</translation>
    </message>
    <message>
        <source>already exists; {LIVE_KEY_WARNING}</source>
        <translation>已存在；{LIVE_KEY_WARNING}</translation>
    </message>
    <message>
        <source>already exists; choose another name or allow overwriting</source>
        <translation>已存在；請選擇其他名稱或允許覆寫</translation>
    </message>
    <message>
        <source>is named for two outputs; give each output its own file</source>
        <translation>被指定給兩個輸出；請為每個輸出指定各自的檔案</translation>
    </message>
    <message>
        <source>appeared while writing; nothing was written — try again</source>
        <translation>在寫入期間出現；沒有寫入任何內容 — 請再試一次</translation>
    </message>
    <message>
        <source>could not be written: {p}</source>
        <translation>無法寫入：{p}</translation>
    </message>
    <message>
        <source>is a device, not a file; name a regular file</source>
        <translation>是裝置而非檔案；請指定一般檔案</translation>
    </message>
    <message>
        <source>is a named pipe (FIFO), not a file; name a regular file</source>
        <translation>是具名管道 (FIFO) 而非檔案；請指定一般檔案</translation>
    </message>
    <message>
        <source>is a socket, not a file; name a regular file</source>
        <translation>是通訊端 (socket) 而非檔案；請指定一般檔案</translation>
    </message>
    <message>
        <source>is larger than {limit}; certificate files are far smaller — is this the right file?</source>
        <translation>大於 {limit}；憑證檔案遠小於此 — 這是正確的檔案嗎？</translation>
    </message>
    <message>
        <source>is {p}; certificate files are far smaller (at most {limit} is read) — is this the right file?</source>
        <translation>大小為 {p}；憑證檔案遠小於此（最多讀取 {limit}）— 這是正確的檔案嗎？</translation>
    </message>
    <message>
        <source>is a link to {target}, which does not exist</source>
        <translation>是指向 {target} 的連結，而該目標不存在</translation>
    </message>
    <message>
        <source>is a folder; name a file</source>
        <translation>是資料夾；請指定檔案</translation>
    </message>
    <message>
        <source>the password holds a NUL byte, which no password may hold; give one line of text</source>
        <translation>密碼含有 NUL 位元組，任何密碼都不能含有它；請提供一行文字</translation>
    </message>
    <message>
        <source>the password is not UTF-8 text; save the password file as UTF-8</source>
        <translation>密碼不是 UTF-8 文字；請將密碼檔存成 UTF-8</translation>
    </message>
    <message>
        <source>does not exist; check the name and folder</source>
        <translation>不存在；請檢查名稱與資料夾</translation>
    </message>
    <message>
        <source>holds a secret but others may read it (mode {mode}); run chmod 600 on it</source>
        <translation>含有機密，但其他人可以讀取（權限 {mode}）；請對它執行 chmod 600</translation>
    </message>
    <message>
        <source>the keyring package is not installed (pip install keyring), or use a 0600 file</source>
        <translation>未安裝 keyring 套件（pip install keyring），或改用權限 0600 的檔案</translation>
    </message>
    <message>
        <source>the OS keyring did not answer ({kind})</source>
        <translation>作業系統金鑰圈沒有回應（{kind}）</translation>
    </message>
    <message>
        <source>is not in the OS keyring; add it (keyring set SERVICE NAME)</source>
        <translation>不在作業系統金鑰圈中；請加入（keyring set SERVICE NAME）</translation>
    </message>
    <message>
        <source>is not a TSIG key file; write key &quot;name&quot; { algorithm hmac-sha256; secret &quot;…&quot;; }; (tsig-keygen does)</source>
        <translation>不是 TSIG 金鑰檔；請寫成 key &quot;name&quot; { algorithm hmac-sha256; secret &quot;…&quot;; };（tsig-keygen 會產生）</translation>
    </message>
    <message>
        <source>cannot be read: permission denied</source>
        <translation>無法讀取：權限不足</translation>
    </message>
    <message>
        <source>is a symbolic link that leads back to itself (a loop); name the real file</source>
        <translation>是繞回自己的符號連結（迴圈）；請指定實際的檔案</translation>
    </message>
    <message>
        <source>cannot be read: {p}</source>
        <translation>無法讀取：{p}</translation>
    </message>
    <message>
        <source>is not a regular file; name a regular file</source>
        <translation>不是一般檔案；請指定一般檔案</translation>
    </message>
    <message>
        <source>is empty (0 bytes); was the download or copy interrupted?</source>
        <translation>是空的（0 位元組）；下載或複製是否中斷？</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>holds no server certificate; give the .crt (or full-chain file) of the service</source>
        <translation>不含伺服器憑證；請提供該服務的 .crt（或完整憑證信任鏈檔案）</translation>
    </message>
    <message>
        <source>is the name of the live key: pki csr would overwrite it and break the service; use a new name</source>
        <translation>是使用中金鑰的名稱：pki csr 會覆寫它並使服務中斷；請使用新名稱</translation>
    </message>
    <message>
        <source>{new} is weaker than the old key ({old}); keep it or choose a stronger one</source>
        <translation>{new} 比舊金鑰（{old}）弱；請保留原類型或選擇更強的金鑰</translation>
    </message>
    <message>
        <source>has no CN and no DNS name in its SAN; type the names yourself</source>
        <translation>沒有一般名稱 (CN)，主體別名 (SAN) 中也沒有 DNS 名稱；請自行輸入名稱</translation>
    </message>
    <message>
        <source>the old certificate has no CN; {name} from its SAN is used</source>
        <translation>舊憑證沒有一般名稱 (CN)；改用其主體別名 (SAN) 中的 {name}</translation>
    </message>
    <message>
        <source>has a {key} key, which CMS does not use; choose RSA 2048 or stronger</source>
        <translation>使用 {key} 金鑰，CMS 不使用此類型；請選擇 RSA 2048 或更強的金鑰</translation>
    </message>
    <message>
        <source>the old key ({key}) is too weak today; the new request uses RSA 2048</source>
        <translation>舊金鑰（{key}）以現今標準太弱；新的請求改用 RSA 2048</translation>
    </message>
    <message>
        <source>{file} is not for the key made with this request: it answers another CSR, and the service would refuse the pair; send this CSR to the CA again</source>
        <translation>{file} 不是為此請求所產生的金鑰而簽發：它回應的是另一個 CSR，服務會拒絕這組金鑰與憑證；請將此 CSR 重新送交 CA</translation>
    </message>
    <message>
        <source>{file} lacks names this request asked for: {names}; clients typing them will fail</source>
        <translation>{file} 缺少此請求所要求的名稱：{names}；輸入這些名稱的用戶端將會失敗</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主體</translation>
    </message>
    <message>
        <source>missing in the new certificate: {names}; clients typing them will fail</source>
        <translation>新憑證中缺少：{names}；輸入這些名稱的用戶端會連線失敗</translation>
    </message>
    <message>
        <source>clientAuth is gone (public CAs dropped it in 2026): the Call Bridge, Scheduler and trunks cannot use this certificate as a TLS client; get one from a CA that still issues clientAuth</source>
        <translation>clientAuth 已消失（公開 CA 於 2026 年停止核發）：Call Bridge、Scheduler 與主幹無法以此憑證作為 TLS 用戶端；請向仍核發 clientAuth 的 CA 申請</translation>
    </message>
    <message>
        <source>lost: {names}</source>
        <translation>遺失：{names}</translation>
    </message>
    <message>
        <source>the new key is weaker than the old one</source>
        <translation>新金鑰比舊金鑰弱</translation>
    </message>
    <message>
        <source>Validity</source>
        <translation>有效期間</translation>
    </message>
    <message>
        <source>{start} – {end} ({days} days)</source>
        <translation>{start} – {end}（{days} 天）</translation>
    </message>
    <message>
        <source>the new certificate does not expire later than the old one</source>
        <translation>新憑證的到期日沒有比舊憑證晚</translation>
    </message>
    <message>
        <source>not carried into the new request (a CSR made here holds DNS, IP and e-mail names only): {names}</source>
        <translation>未帶入新的請求（此處產生的 CSR 只含 DNS、IP 與電子郵件名稱）：{names}</translation>
    </message>
    <message>
        <source>any (no extended key usage)</source>
        <translation>任何（沒有延伸金鑰使用方法）</translation>
    </message>
    <message>
        <source>the new certificate expired on {date}: it cannot replace anything</source>
        <translation>新憑證已於 {date} 到期：無法取代任何憑證</translation>
    </message>
    <message>
        <source>the new certificate is not valid before {date}: install it from that day on</source>
        <translation>新憑證在 {date} 之前無效：請從那天起再安裝</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>簽發者</translation>
    </message>
    <message>
        <source>a different CA: see the trust to update below</source>
        <translation>不同的 CA：請見下方需更新的信任</translation>
    </message>
    <message>
        <source>Authority key ID</source>
        <translation>授權金鑰識別碼</translation>
    </message>
    <message>
        <source>signed by another CA key (a renewed or another CA)</source>
        <translation>由另一把 CA 金鑰簽署（已更新的 CA 或另一個 CA）</translation>
    </message>
    <message>
        <source>every Call Bridge: rebuild its &apos;callbridge trust c2w&apos; file with the new Web Bridge 3 certificate (all Web Bridges in one file), then &apos;callbridge restart&apos;</source>
        <translation>每個 Call Bridge：以新的 Web Bridge 3 憑證重建其 &apos;callbridge trust c2w&apos; 檔案（所有 Web Bridge 放在同一檔案），然後執行 &apos;callbridge restart&apos;</translation>
    </message>
    <message>
        <source>trust files that hold only the root CA need no change: the issuer is the same</source>
        <translation>只含根 CA 的信任檔案不需變更：簽發者相同</translation>
    </message>
    <message>
        <source>CUCM: upload the new issuing CA and root to CallManager-trust, then restart the CallManager service</source>
        <translation>CUCM：將新的簽發 CA 與根 CA 上傳到 CallManager-trust，然後重新啟動 CallManager 服務</translation>
    </message>
    <message>
        <source>Expressway-C and -E: add the new issuing CA and root to the trusted CA list</source>
        <translation>Expressway-C 與 -E：將新的簽發 CA 與根 CA 加入受信任的 CA 清單</translation>
    </message>
    <message>
        <source>{label}: disable, assign the new key, certificate and CA bundle, enable</source>
        <translation>{label}：停用、指定新的私密金鑰、憑證與 CA 憑證套件組合、啟用</translation>
    </message>
    <message>
        <source>{label}: assign the new key, certificate and CA bundle, trust the peers, restart (calls in progress drop)</source>
        <translation>{label}：指定新的私密金鑰、憑證與 CA 憑證套件組合、信任對端、重新啟動（進行中的通話會中斷）</translation>
    </message>
    <message>
        <source>{label}: listen, assign key, certificate and CA bundle, restart (calls in progress drop)</source>
        <translation>{label}：接聽、指定金鑰、憑證與 CA 憑證套件組合，然後重新啟動（進行中的通話會中斷）</translation>
    </message>
    <message>
        <source>{label}: assign the new key, certificate and CA bundle, restart (calls in progress drop)</source>
        <translation>{label}：指定新的金鑰、憑證與 CA 憑證套件組合，然後重新啟動（進行中的通話會中斷）</translation>
    </message>
    <message>
        <source>{label}: disable, assign the new files, trust the Call Bridge (or guest joins fail), enable</source>
        <translation>{label}：停用、指定新檔案、信任 Call Bridge（否則訪客無法加入）、啟用</translation>
    </message>
    <message>
        <source>{label}: the new full-chain file for HTTPS and for the Call Bridge link (C2W), then restart</source>
        <translation>{label}：HTTPS 與 Call Bridge 連線 (C2W) 都改用新的完整憑證信任鏈檔案，然後重新啟動</translation>
    </message>
    <message>
        <source>{label}: disable, assign the new key and certificate, enable</source>
        <translation>{label}：停用、指定新的私密金鑰與憑證、啟用</translation>
    </message>
    <message>
        <source>{label}: HTTPS listen and certificate, its C2W client certificate (full chain), trust in every Web Bridge 3; it runs only beside a Call Bridge</source>
        <translation>{label}：設定 HTTPS 接聽與憑證、指定其 C2W 用戶端憑證（完整憑證信任鏈），並信任每個 Web Bridge 3；它只能與 Call Bridge 在同一台伺服器上執行</translation>
    </message>
    <message>
        <source>{label}: the new full-chain file for HTTPS and for its C2W link, then enable it again</source>
        <translation>{label}：HTTPS 與其 C2W 連線改用新的完整憑證信任鏈檔案，然後再次啟用</translation>
    </message>
    <message>
        <source>renewal: the services keep their ports and interfaces; only the key and certificate files change</source>
        <translation>更新憑證：各服務的連接埠與介面保持不變；只更換私密金鑰與憑證檔案</translation>
    </message>
    <message>
        <source>simplest alternative (TAC 214618): upload the new files under the old names and only restart each service; but then the old files are overwritten and there is nothing to put back</source>
        <translation>最簡單的替代做法（TAC 214618）：以舊檔名上傳新檔案，只重新啟動各服務；但舊檔案會被覆寫，無法復原</translation>
    </message>
    <message>
        <source>use letters, digits, &apos;-&apos; and &apos;_&apos; only</source>
        <translation>只能使用字母、數字、&apos;-&apos; 與 &apos;_&apos;</translation>
    </message>
    <message>
        <source>Then, from your computer, check what the node presents (exit code 0: all good):</source>
        <translation>接著在您的電腦上檢查此節點實際提供的憑證（結束代碼 0 表示一切正常）：</translation>
    </message>
    <message>
        <source>Subject alt names</source>
        <translation>主體別名</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期間自</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期間至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>簽章</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>序號</translation>
    </message>
    <message>
        <source>Basic constraints</source>
        <translation>基本限制</translation>
    </message>
    <message>
        <source>Key usage</source>
        <translation>金鑰使用方法</translation>
    </message>
    <message>
        <source>Extended key usage</source>
        <translation>延伸金鑰使用方法</translation>
    </message>
    <message>
        <source>Public key SHA-256</source>
        <translation>公開金鑰 SHA-256</translation>
    </message>
    <message>
        <source>EXPIRED on {date}</source>
        <translation>已於 {date} 到期</translation>
    </message>
    <message>
        <source>NOT YET VALID (from {date})</source>
        <translation>尚未生效（自 {date} 起）</translation>
    </message>
    <message>
        <source>valid, expires in {days} day(s)</source>
        <translation>有效，{days} 天後到期</translation>
    </message>
    <message>
        <source>not present (not a CA)</source>
        <translation>不存在（不是 CA）</translation>
    </message>
    <message>
        <source>certificate request</source>
        <translation>憑證簽署請求</translation>
    </message>
    <message>
        <source>signature verifies</source>
        <translation>簽章驗證成功</translation>
    </message>
    <message>
        <source>SIGNATURE DOES NOT VERIFY (damaged or altered)</source>
        <translation>簽章驗證失敗（已損毀或遭竄改）</translation>
    </message>
    <message>
        <source>private key</source>
        <translation>私密金鑰</translation>
    </message>
    <message>
        <source>is not a folder</source>
        <translation>不是資料夾</translation>
    </message>
    <message>
        <source>holds an RSA key of {bits} bits; CMS uses 2048 to 4096, and this tool reads at most {limit}</source>
        <translation>含有 {bits} 位元的 RSA 金鑰；CMS 使用 2048 到 4096 位元，本工具最多讀取 {limit} 位元</translation>
    </message>
    <message>
        <source>holds an encrypted private key; enter its password</source>
        <translation>包含加密的私密金鑰；請輸入其密碼</translation>
    </message>
    <message>
        <source>the private key is not encrypted; leave the password empty</source>
        <translation>私密金鑰未加密；請將密碼留白</translation>
    </message>
    <message>
        <source>wrong password for the private key; try again</source>
        <translation>私密金鑰的密碼錯誤；請再試一次</translation>
    </message>
    <message>
        <source>holds a damaged private key block; export the key again</source>
        <translation>包含已損毀的私密金鑰區塊；請重新匯出金鑰</translation>
    </message>
    <message>
        <source>holds a private key of a type this tool cannot read</source>
        <translation>包含本工具無法讀取類型的私密金鑰</translation>
    </message>
    <message>
        <source>holds a private key type CMS cannot use (use RSA)</source>
        <translation>包含 CMS 無法使用的私密金鑰類型（請使用 RSA）</translation>
    </message>
    <message>
        <source>has an -----END line without its -----BEGIN line; copy the whole block</source>
        <translation>有 -----END 行卻沒有對應的 -----BEGIN 行；請複製整個區塊</translation>
    </message>
    <message>
        <source>PEM block {number} begins as {p} but ends as {p2}; copy the block again</source>
        <translation>PEM 區塊 {number} 以 {p} 開始卻以 {p2} 結束；請重新複製該區塊</translation>
    </message>
    <message>
        <source>has a PEM block without its -----END line (truncated?); copy the whole block</source>
        <translation>有缺少 -----END 行的 PEM 區塊（被截斷？）；請複製整個區塊</translation>
    </message>
    <message>
        <source>holds {count} private keys; give a file with the one key you mean</source>
        <translation>含有 {count} 把私密金鑰；請提供只含您要使用之金鑰的檔案</translation>
    </message>
    <message>
        <source>PEM block {number} ({p}) is damaged: invalid base64</source>
        <translation>第 {number} 個 PEM 區塊（{p}）已損毀：base64 無效</translation>
    </message>
    <message>
        <source>PEM block {number} is an OpenSSH private key (ssh-keygen&apos;s format), which CMS cannot use; convert a copy with: ssh-keygen -p -m PKCS8 -f COPY</source>
        <translation>PEM 區塊 {number} 是 OpenSSH 私密金鑰（ssh-keygen 的格式），CMS 無法使用；請將複本轉換：ssh-keygen -p -m PKCS8 -f COPY</translation>
    </message>
    <message>
        <source>PEM block {number} is a {p!r}, not a certificate, key or CSR</source>
        <translation>第 {number} 個 PEM 區塊是 {p!r}，不是憑證、金鑰或 CSR</translation>
    </message>
    <message>
        <source>PEM block {number} ({p}) is damaged and cannot be decoded</source>
        <translation>第 {number} 個 PEM 區塊（{p}）已損毀，無法解碼</translation>
    </message>
    <message>
        <source>has no certificate, private key or CSR in it</source>
        <translation>其中沒有憑證、私密金鑰或 CSR</translation>
    </message>
    <message>
        <source>asks for {count} password-derivation rounds (real files use at most a few hundred thousand); export it again</source>
        <translation>要求 {count} 次密碼衍生運算（實際檔案最多只用數十萬次）；請重新匯出</translation>
    </message>
    <message>
        <source>is a PKCS#12 (.pfx) file protected by a password; enter it</source>
        <translation>是受密碼保護的 PKCS#12 (.pfx) 檔案；請輸入密碼</translation>
    </message>
    <message>
        <source>wrong password for this PKCS#12 (.pfx) file, or the file is damaged</source>
        <translation>此 PKCS#12 (.pfx) 檔案的密碼錯誤，或檔案已損毀</translation>
    </message>
    <message>
        <source>is a damaged PKCS#12 (.pfx) file; export it again</source>
        <translation>是已損毀的 PKCS#12 (.pfx) 檔案；請重新匯出</translation>
    </message>
    <message>
        <source>is a PKCS#12 file with no certificate or key in it</source>
        <translation>是不含憑證或金鑰的 PKCS#12 檔案</translation>
    </message>
    <message>
        <source>item {number} has the extension {p} twice; RFC 5280 forbids that and OpenSSL and CMS refuse it: have it issued again</source>
        <translation>第 {number} 項含有兩次延伸欄位 {p}；RFC 5280 禁止如此，OpenSSL 與 CMS 會拒絕：請重新簽發</translation>
    </message>
    <message>
        <source>item {number} has a name of a kind (x400Address or EDIPartyName) that cryptography, and so this tool, cannot read; have it issued again</source>
        <translation>第 {number} 項含有 cryptography（因此本工具也）無法讀取的名稱類型（x400Address 或 EDIPartyName）；請重新簽發</translation>
    </message>
    <message>
        <source>item {number} has a malformed extension ({p}); have it issued again</source>
        <translation>第 {number} 項含有格式錯誤的延伸欄位 ({p})；請重新簽發</translation>
    </message>
    <message>
        <source>is empty; was the download or copy interrupted?</source>
        <translation>是空的；下載或複製是否中斷？</translation>
    </message>
    <message>
        <source>is saved as UTF-16 text (Notepad&apos;s &quot;Unicode&quot;); save it as ANSI or UTF-8 and try again</source>
        <translation>是以 UTF-16 文字儲存（記事本的「Unicode」）；請另存為 ANSI 或 UTF-8 後再試一次</translation>
    </message>
    <message>
        <source>looks like a DER file but is damaged or truncated; download it again</source>
        <translation>看起來是 DER 檔案，但已損毀或被截斷；請重新下載</translation>
    </message>
    <message>
        <source>is text without a -----BEGIN CERTIFICATE----- block; is this the right file?</source>
        <translation>是沒有 -----BEGIN CERTIFICATE----- 區塊的文字；這是正確的檔案嗎？</translation>
    </message>
    <message>
        <source>is not a certificate, key or CSR file (not PEM, DER, PKCS#7 or PKCS#12)</source>
        <translation>不是憑證、金鑰或 CSR 檔案（不是 PEM、DER、PKCS#7 或 PKCS#12）</translation>
    </message>
    <message>
        <source>a certificate</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>a CSR</source>
        <translation>CSR</translation>
    </message>
    <message>
        <source>holds {what}, not a private key; name the .key file</source>
        <translation>包含{what}，不是私密金鑰；請指定 .key 檔案</translation>
    </message>
    <message>
        <source>holds more than one private key; give a file with one key</source>
        <translation>包含多把私密金鑰；請提供只含一把金鑰的檔案</translation>
    </message>
    <message>
        <source>{value} has the label {label}, which is not a valid internationalised name (IDNA 2008: no emoji or symbols, no broken xn--); check the spelling</source>
        <translation>{value} 含有標籤 {label}，不是有效的國際化名稱（IDNA 2008：不可有表情符號或符號，不可有損毀的 xn--）；請檢查拼寫</translation>
    </message>
    <message>
        <source>{value} holds a character no host name may hold (UTS 46); check the spelling</source>
        <translation>{value} 含有主機名稱不允許的字元 (UTS 46)；請檢查拼寫</translation>
    </message>
    <message>
        <source>is empty; enter a fully qualified domain name such as cms1.example.com</source>
        <translation>是空的；請輸入完整網域名稱 (FQDN)，例如 cms1.example.com</translation>
    </message>
    <message>
        <source>{value} contains a space; a domain name has none</source>
        <translation>{value} 含有空格；網域名稱不含空格</translation>
    </message>
    <message>
        <source>{value} looks like a URL; enter only the host name, e.g. join.example.com</source>
        <translation>{value} 看起來像 URL；請只輸入主機名稱，例如 join.example.com</translation>
    </message>
    <message>
        <source>{value} contains &apos;:&apos; (a port?); enter only the host name</source>
        <translation>{value} 含有「:」（連接埠？）；請只輸入主機名稱</translation>
    </message>
    <message>
        <source>{value} is an e-mail address, not a host name</source>
        <translation>{value} 是電子郵件地址，不是主機名稱</translation>
    </message>
    <message>
        <source>{value} has an empty label (two dots in a row); remove the extra dot</source>
        <translation>{value} 有空白標籤（連續兩個點）；請移除多餘的點</translation>
    </message>
    <message>
        <source>{value} is not fully qualified; add the domain, e.g. {item}.example.com</source>
        <translation>{value} 不是完整網域名稱；請加上網域，例如 {item}.example.com</translation>
    </message>
    <message>
        <source>{value}: a wildcard is not allowed here</source>
        <translation>{value}：此處不允許使用萬用字元</translation>
    </message>
    <message>
        <source>{value}: only the leftmost label may be a wildcard (e.g. *.example.com)</source>
        <translation>{value}：只有最左邊的標籤可以是萬用字元（例如 *.example.com）</translation>
    </message>
    <message>
        <source>{value}: a wildcard must be the whole label &apos;*&apos;, not part of one</source>
        <translation>{value}：萬用字元必須是完整的標籤「*」，不能只是標籤的一部分</translation>
    </message>
    <message>
        <source>{value}: a wildcard needs at least two labels after it (*.example.com)</source>
        <translation>{value}：萬用字元之後至少需要兩個標籤（*.example.com）</translation>
    </message>
    <message>
        <source>{value} has a label longer than 63 characters</source>
        <translation>{value} 有超過 63 個字元的標籤</translation>
    </message>
    <message>
        <source>{value} has the label {value2}; use letters, digits and &apos;-&apos; only, not at the start or end of a label</source>
        <translation>{value} 有標籤 {value2}；只能使用英文字母、數字與「-」，且「-」不能在標籤的開頭或結尾</translation>
    </message>
    <message>
        <source>{value} is neither a valid IP address nor a domain name</source>
        <translation>{value} 既不是有效的 IP 位址，也不是網域名稱</translation>
    </message>
    <message>
        <source>{value} is longer than {MAX_FQDN} characters</source>
        <translation>{value} 超過 {MAX_FQDN} 個字元</translation>
    </message>
    <message>
        <source>has an empty entry (two commas in a row?); remove it</source>
        <translation>有空白項目（連續兩個逗號？）；請移除</translation>
    </message>
    <message>
        <source>{value} contains a space; separate names with commas, no spaces</source>
        <translation>{value} 含有空格；請以逗號分隔名稱，不要使用空格</translation>
    </message>
    <message>
        <source>{value} has an interface zone (%…); a certificate holds the address alone: remove the zone</source>
        <translation>{value} 含有介面區域 (%…)；憑證只保存位址本身：請移除區域</translation>
    </message>
    <message>
        <source>{value} is a network (CIDR); a certificate names single addresses: list each address</source>
        <translation>{value} 是網路 (CIDR)；憑證只列出單一位址：請逐一列出每個位址</translation>
    </message>
    <message>
        <source>{value} means &apos;any address&apos; or a group, not a server; give the server&apos;s own address</source>
        <translation>{value} 代表「任意位址」或群組位址，而不是伺服器；請提供伺服器本身的位址</translation>
    </message>
    <message>
        <source>{value} is not a valid e-mail address</source>
        <translation>{value} 不是有效的電子郵件地址</translation>
    </message>
    <message>
        <source>{value} includes a port; enter the name or address without &apos;:port&apos;</source>
        <translation>{value} 包含連接埠；請輸入不含「:連接埠」的名稱或位址</translation>
    </message>
    <message>
        <source>{value} is not a valid IPv4 address (four numbers 0-255)</source>
        <translation>{value} 不是有效的 IPv4 位址（四個 0-255 的數字）</translation>
    </message>
    <message>
        <source>is {count} characters long; the limit is {p}</source>
        <translation>長度為 {count} 個字元；上限為 {p}</translation>
    </message>
    <message>
        <source>contains bytes that are not valid UTF-8; retype the value</source>
        <translation>包含不是有效 UTF-8 的位元組；請重新輸入</translation>
    </message>
    <message>
        <source>contains a control character (tab, newline …); retype the value</source>
        <translation>包含控制字元（定位字元、換行…）；請重新輸入</translation>
    </message>
    <message>
        <source>contains &quot; or \, which cannot be typed in a pki command; remove it</source>
        <translation>包含 &quot; 或 \，無法在 pki 指令中輸入；請移除</translation>
    </message>
    <message>
        <source>is required: the file name for the key and CSR, e.g. cms1</source>
        <translation>為必填：金鑰與 CSR 的檔名，例如 cms1</translation>
    </message>
    <message>
        <source>, e.g. {stem}</source>
        <translation>，例如 {stem}</translation>
    </message>
    <message>
        <source>{value} contains &apos;.&apos;; give the name without extension{hint}</source>
        <translation>{value} 含有「.」；請提供不含副檔名的名稱{hint}</translation>
    </message>
    <message>
        <source>{value} may contain only letters, digits, &apos;-&apos; and &apos;_&apos; (no spaces)</source>
        <translation>{value} 只能包含英文字母、數字、「-」與「_」（不可有空格）</translation>
    </message>
    <message>
        <source>is longer than {MAX_BASENAME} characters; use a shorter name</source>
        <translation>超過 {MAX_BASENAME} 個字元；請使用較短的名稱</translation>
    </message>
    <message>
        <source>{value} is a device name on Windows (CON, NUL, COM1 …), where no file can have it; choose another</source>
        <translation>{value} 是 Windows 的裝置名稱（CON、NUL、COM1 …），任何檔案都不能使用；請改用其他名稱</translation>
    </message>
    <message>
        <source>is required: the fully qualified domain name of the service</source>
        <translation>為必填：服務的完整網域名稱 (FQDN)</translation>
    </message>
    <message>
        <source>is {count} characters long; RFC 5280 allows at most 64</source>
        <translation>長度為 {count} 個字元；RFC 5280 最多允許 64 個</translation>
    </message>
    <message>
        <source>{value} is an IP address; use the host name as CN and put the address in the SAN</source>
        <translation>{value} 是 IP 位址；請以主機名稱作為一般名稱 (CN)，並將位址放入主體別名 (SAN)</translation>
    </message>
    <message>
        <source>{value} is written as {alabel} (IDNA 2008, UTS 46); it reads {display}</source>
        <translation>{value} 寫成 {alabel}（IDNA 2008、UTS 46）；讀作 {display}</translation>
    </message>
    <message>
        <source>is {count} characters long; RFC 5280 allows at most 64 — use a shorter name as CN and put the long one in the SAN</source>
        <translation>長度為 {count} 個字元；RFC 5280 最多允許 64 個 — 請以較短的名稱作為一般名稱 (CN)，並將長名稱放入主體別名 (SAN)</translation>
    </message>
    <message>
        <source>contains spaces: it is typed in double quotes, e.g. O:&quot;Example Inc.&quot; (Cisco Meeting Server FAQ)</source>
        <translation>含有空格：輸入時要加上雙引號，例如 O:&quot;Example Inc.&quot;（Cisco Meeting Server FAQ）</translation>
    </message>
    <message>
        <source>is {count} characters long; RFC 5280 allows at most {item}</source>
        <translation>長度為 {count} 個字元；RFC 5280 最多允許 {item} 個</translation>
    </message>
    <message>
        <source>{value} is not an ISO 3166 code; did you mean {right} ({item})?</source>
        <translation>{value} 不是 ISO 3166 代碼；您是指 {right}（{item}）嗎？</translation>
    </message>
    <message>
        <source>use the two-letter code {item}, not the name {value}</source>
        <translation>請使用兩個字母的代碼 {item}，而不是名稱 {value}</translation>
    </message>
    <message>
        <source>{value} is not a two-letter ISO 3166 country code (e.g. TW, US, GB)</source>
        <translation>{value} 不是兩個字母的 ISO 3166 國家/地區代碼（例如 TW、US、GB）</translation>
    </message>
    <message>
        <source>{display} was listed twice; kept once</source>
        <translation>{display} 重複列出；只保留一次</translation>
    </message>
    <message>
        <source>added the CN {p}: CMS needs the CN in the SAN</source>
        <translation>已加入一般名稱 (CN) {p}：CMS 需要主體別名 (SAN) 中包含 CN</translation>
    </message>
    <message>
        <source>is empty: browsers and XMPP clients reject such a certificate; add at least the CN</source>
        <translation>是空的：瀏覽器與 XMPP 用戶端會拒絕這樣的憑證；請至少加入一般名稱 (CN)</translation>
    </message>
    <message>
        <source>L: is UNCONFIRMED on the MMP (the pki csr syntax of TAC 214618 has no L): check pki csr in your MMP Command Reference, or leave L out when you type the line on the CMS</source>
        <translation>L：在 MMP 上未經確認（TAC 214618 的 pki csr 語法沒有 L）：請在 MMP 指令參考中查詢 pki csr，或在 CMS 上輸入時省略 L</translation>
    </message>
    <message>
        <source>{label}: check that your CMS version accepts ECDSA keys before you use it</source>
        <translation>{label}：使用前請確認您的 CMS 版本接受 ECDSA 金鑰</translation>
    </message>
    <message>
        <source>the certificate {reason}</source>
        <translation>此憑證{reason}</translation>
    </message>
    <message>
        <source>{role} {name} {reason}</source>
        <translation>{role} {name}{reason}</translation>
    </message>
    <message>
        <source>{name} is not issued by {issuer}: {reason}</source>
        <translation>{name} 不是由 {issuer} 簽發：{reason}</translation>
    </message>
    <message>
        <source>{name} names itself as issuer but its signature does not verify with its own key (damaged, or not a real root)</source>
        <translation>{name} 將自己列為簽發者，但其簽章無法以自己的金鑰驗證（已損毀，或不是真正的根 CA）</translation>
    </message>
    <message>
        <source>the chain is incomplete: {reason}</source>
        <translation>憑證信任鏈不完整：{reason}</translation>
    </message>
    <message>
        <source>{name} is self-signed but not in the trusted file; add it there</source>
        <translation>{name} 是自我簽署，但不在信任檔案中；請將它加入</translation>
    </message>
    <message>
        <source>missing intermediate for issuer &quot;{name}&quot;: add it to the bundle</source>
        <translation>缺少簽發者「{name}」的中繼憑證：請將它加入憑證套件組合</translation>
    </message>
    <message>
        <source>{name} → {issuer}: {reason}</source>
        <translation>{name} → {issuer}：{reason}</translation>
    </message>
    <message>
        <source>no root CA in the bundle: add the self-signed root certificate</source>
        <translation>憑證套件組合中沒有根 CA：請加入自我簽署的根憑證</translation>
    </message>
    <message>
        <source>chain rejected: a certificate in it uses a key or signature algorithm TLS clients no longer accept (DSA, or an unsupported curve); the CA must issue with RSA or ECDSA</source>
        <translation>憑證信任鏈遭拒：其中有憑證使用 TLS 用戶端已不接受的金鑰或簽章演算法（DSA 或不支援的曲線）；CA 必須以 RSA 或 ECDSA 簽發</translation>
    </message>
    <message>
        <source>chain rejected: {reason}</source>
        <translation>憑證信任鏈遭拒：{reason}</translation>
    </message>
    <message>
        <source>verified: {names}</source>
        <translation>驗證成功：{names}</translation>
    </message>
    <message>
        <source>{reason} (note: {notes})</source>
        <translation>{reason}（注意：{notes}）</translation>
    </message>
    <message>
        <source>unrelated</source>
        <translation>不相關</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>{name} is protected. Password:</source>
        <translation>{name} 受密碼保護。密碼：</translation>
    </message>
    <message>
        <source>That password does not open {name}. Try again:</source>
        <translation>這個密碼無法開啟 {name}。請再試一次：</translation>
    </message>
    <message>
        <source>Close the wizard?</source>
        <translation>要關閉精靈嗎？</translation>
    </message>
    <message>
        <source>What you typed on this page is not saved and will be lost. Close anyway?</source>
        <translation>您在此頁輸入的內容尚未儲存，關閉後將會遺失。仍要關閉嗎？</translation>
    </message>
    <message>
        <source>Start again from the plan?</source>
        <translation>從計畫重新開始？</translation>
    </message>
    <message>
        <source>The flow under way starts again from the plan; what you typed will be lost. Open the plan?</source>
        <translation>進行中的流程將從計畫重新開始；您輸入的內容將會遺失。要開啟計畫嗎？</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>發生錯誤</translation>
    </message>
    <message>
        <source>The wizard met an error it did not expect: {error}</source>
        <translation>精靈遇到未預期的錯誤：{error}</translation>
    </message>
    <message>
        <source>The details are in {path}. Please attach that file when you report the problem.</source>
        <translation>詳細資訊記錄在 {path}。回報問題時請附上這個檔案。</translation>
    </message>
    <message>
        <source>Is this the MMP you mean?</source>
        <translation>這是您要連線的 MMP 嗎？</translation>
    </message>
    <message>
        <source>{node} is not known yet. Its SSH host key is:

{key_type} {fingerprint}

Compare it with the fingerprint the MMP shows. Trust it and upload?</source>
        <translation>{node} 不在已知主機清單中。其 SSH 主機金鑰為：

{key_type} {fingerprint}

請與 MMP 顯示的指紋比對。要信任它並上傳嗎？</translation>
    </message>
    <message>
        <source>The MMP&apos;s host key type changed</source>
        <translation>MMP 的主機金鑰類型已變更</translation>
    </message>
    <message>
        <source>WARNING: known_hosts holds a {known} key for {node}, but the server now offers another type:

{key_type} {fingerprint}

If you did not change the MMP&apos;s SSH keys, someone may be between you and the MMP: stop here. Trust it and upload only if the MMP shows this fingerprint.</source>
        <translation>警告：known_hosts 中 {node} 的主機金鑰是 {known} 類型，但伺服器現在提供另一種類型：

{key_type} {fingerprint}

若您沒有變更 MMP 的 SSH 金鑰，可能有人介於您與 MMP 之間：請在此停止。只有在 MMP 顯示的指紋與此相同時，才信任並上傳。</translation>
    </message>
    <message>
        <source>  … and {count} more</source>
        <translation>  …以及另外 {count} 個</translation>
    </message>
    <message>
        <source>Copy private keys to this drive?</source>
        <translation>要把私密金鑰複製到這個磁碟嗎？</translation>
    </message>
    <message>
        <source>{drive} is not a removable drive. These private keys would be copied to it unencrypted:

{keys}

Copy them there anyway?</source>
        <translation>{drive} 不是卸除式磁碟。以下私密金鑰會以未加密的形式複製到這裡：

{keys}

仍要複製到這裡嗎？</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>取代檔案？</translation>
    </message>
    <message>
        <source>{folder} already holds these files:

{names}

Replace them with the ones being exported?</source>
        <translation>{folder} 已有以下檔案：

{names}

要以正在匯出的檔案取代它們嗎？</translation>
    </message>
    <message>
        <source>Save the plan?</source>
        <translation>要儲存計畫檔嗎？</translation>
    </message>
    <message>
        <source>The changes to {name} are not saved. Save them before closing?</source>
        <translation>{name} 的變更尚未儲存。要在關閉前儲存嗎？</translation>
    </message>
    <message>
        <source>Commands saved</source>
        <translation>指令已儲存</translation>
    </message>
    <message>
        <source>The commands are saved in:
{path}</source>
        <translation>指令已儲存在：
{path}</translation>
    </message>
    <message>
        <source>Save the commands?</source>
        <translation>要儲存指令嗎？</translation>
    </message>
    <message>
        <source>The commands this flow made are neither copied nor saved. Save them before closing?</source>
        <translation>此流程產生的指令尚未複製或儲存。要在關閉前儲存嗎？</translation>
    </message>
    <message>
        <source>UNCONFIRMED, check it in your CMS MMP guide before typing:</source>
        <translation>未經確認，輸入前請先在您的 CMS MMP 指南中核對：</translation>
    </message>
    <message>
        <source>{command} would hold a control character (a line break?) from a name you gave; retype that name</source>
        <translation>{command} 會含有來自您所給名稱的控制字元（換行？）；請重新輸入該名稱</translation>
    </message>
    <message>
        <source>holds a space; the MMP would read it as two words: rename the file with &apos;-&apos; or &apos;_&apos;</source>
        <translation>含有空格；MMP 會把它讀成兩個字：請用 &apos;-&apos; 或 &apos;_&apos; 重新命名檔案</translation>
    </message>
    <message>
        <source>is not in {folder}; make it or choose another file</source>
        <translation>不在 {folder} 中；請先製作或改選其他檔案</translation>
    </message>
    <message>
        <source>holds no certificate for the trust file</source>
        <translation>沒有可放入信任檔的憑證</translation>
    </message>
    <message>
        <source>{file} has no clientAuth: the XMPP nodes of a cluster connect to each other, and no readable Cisco text says whether they need it; if the cluster link fails, use a certificate with both</source>
        <translation>{file} 沒有 clientAuth：叢集中的 XMPP 節點會互相連線，沒有可讀的 Cisco 文字說明是否需要它；若叢集連線失敗，請改用兩者兼具的憑證</translation>
    </message>
    <message>
        <source>{file}: the database server needs serverAuth in the extended key usage and this certificate has not; the nodes refuse it: ask the CA for a server certificate</source>
        <translation>{file}：資料庫伺服器需要延伸金鑰使用方法含 serverAuth，此憑證沒有；各節點會拒絕它：請向 CA 申請伺服器憑證</translation>
    </message>
    <message>
        <source>{file}: the database client needs clientAuth in the extended key usage and this certificate has not; PostgreSQL refuses it: ask the CA for a client certificate</source>
        <translation>{file}：資料庫用戶端需要延伸金鑰使用方法含 clientAuth，此憑證沒有；PostgreSQL 會拒絕它：請向 CA 申請用戶端憑證</translation>
    </message>
    <message>
        <source>{file}: the database client certificate&apos;s CN must be exactly postgres, not {cn}; PostgreSQL refuses any other name</source>
        <translation>{file}：資料庫用戶端憑證的 CN 必須正好是 postgres，而不是 {cn}；PostgreSQL 會拒絕其他名稱</translation>
    </message>
    <message>
        <source>exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺少</translation>
    </message>
    <message>
        <source>expiring</source>
        <translation>即將到期</translation>
    </message>
    <message>
        <source>inconsistent</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>made</source>
        <translation>已建立</translation>
    </message>
    <message>
        <source>is not a folder; create it or give --dir</source>
        <translation>不是資料夾；請建立它或指定 --dir</translation>
    </message>
    <message>
        <source>holds no private key</source>
        <translation>沒有私密金鑰</translation>
    </message>
    <message>
        <source>holds no CSR</source>
        <translation>不含 CSR</translation>
    </message>
    <message>
        <source>is a request for another key, not for {key}; apply makes it again from {key}</source>
        <translation>是另一把金鑰的請求，不是 {key} 的；apply 會從 {key} 重新產生它</translation>
    </message>
    <message>
        <source>needs its key {key} first</source>
        <translation>需要先有其金鑰 {key}</translation>
    </message>
    <message>
        <source>needs the certificate of {key} in the folder first</source>
        <translation>資料夾中需要先有 {key} 的憑證</translation>
    </message>
    <message>
        <source>needs the certificate of {issuer}: put the CA certificates in the folder</source>
        <translation>需要 {issuer} 的憑證：請將 CA 憑證放入資料夾</translation>
    </message>
    <message>
        <source>apply makes it from the certificates in the folder</source>
        <translation>apply 會以資料夾中的憑證建立它</translation>
    </message>
    <message>
        <source>apply makes it: {what}</source>
        <translation>apply 會建立它：{what}</translation>
    </message>
    <message>
        <source>apply writes the MMP commands</source>
        <translation>apply 會寫入 MMP 指令</translation>
    </message>
    <message>
        <source>differs from the plan; apply writes it again</source>
        <translation>與計畫不同；apply 會重新寫入</translation>
    </message>
    <message>
        <source>is missing but {file} exists: a certificate without its key</source>
        <translation>缺少此檔案但 {file} 存在：憑證沒有其金鑰</translation>
    </message>
    <message>
        <source>apply makes the key and its CSR</source>
        <translation>apply 會建立金鑰及其 CSR</translation>
    </message>
    <message>
        <source>does not belong to {key}</source>
        <translation>不屬於 {key}</translation>
    </message>
    <message>
        <source>apply makes it from the existing {key}</source>
        <translation>apply 會以現有的 {key} 建立它</translation>
    </message>
    <message>
        <source>send {csr} to your CA and put the certificate it returns here</source>
        <translation>請將 {csr} 送交您的 CA，並將其傳回的憑證放在此處</translation>
    </message>
    <message>
        <source>apply writes it from {file}</source>
        <translation>apply 會從 {file} 寫入它</translation>
    </message>
    <message>
        <source>{service} uses it; apply makes it only for the plan&apos;s [[certificate]] rows</source>
        <translation>{service} 使用它；apply 只會為計畫的 [[certificate]] 列建立它</translation>
    </message>
    <message>
        <source>holds no certificate</source>
        <translation>不含憑證</translation>
    </message>
    <message>
        <source>{service} uses it, but it is not in the folder</source>
        <translation>{service} 使用它，但它不在資料夾中</translation>
    </message>
    <message>
        <source>apply makes the database-cluster set</source>
        <translation>apply 會建立資料庫叢集檔案組</translation>
    </message>
    <message>
        <source>an interrupted run left the database-cluster set half made; apply finishes it</source>
        <translation>先前中斷的執行留下了未完成的資料庫叢集檔案組；apply 會將其完成</translation>
    </message>
    <message>
        <source>missing from the database-cluster set ({present} exist); restore it, or move the others away and apply</source>
        <translation>資料庫叢集檔案組中缺少此檔案（{present} 存在）；請還原它，或將其他檔案移走後執行 apply</translation>
    </message>
    <message>
        <source>another run holds the folder (plan apply or a pki command is writing there); wait for it and apply again</source>
        <translation>另一個執行中的程序正占用此資料夾（plan apply 或 pki 指令正在寫入）；請等它結束後再執行 apply</translation>
    </message>
    <message>
        <source>is missing but {file} exists: a certificate without its key; restore the key or move the certificate away</source>
        <translation>缺少此檔案但 {file} 存在：憑證沒有其金鑰；請還原金鑰或將憑證移走</translation>
    </message>
    <message>
        <source>finished the database-cluster set an interrupted run left half made, from its dbca</source>
        <translation>已用其 dbca 完成先前中斷的執行留下的未完成資料庫叢集檔案組</translation>
    </message>
    <message>
        <source>needs {file} first</source>
        <translation>需要先有 {file}</translation>
    </message>
    <message>
        <source>{file} has no CA bundle: choose one, or use a full-chain file as the certificate (CMS 3.0 and later need the whole chain)</source>
        <translation>{file} 沒有 CA 憑證套件組合：請選一個，或以完整憑證信任鏈檔案作為憑證（CMS 3.0 起需要完整的憑證信任鏈）</translation>
    </message>
    <message>
        <source>every peer&apos;s full chain</source>
        <translation>每個對端的完整憑證信任鏈</translation>
    </message>
    <message>
        <source>every peer&apos;s certificate alone</source>
        <translation>每個對端的憑證本身</translation>
    </message>
    <message>
        <source>the root CA only</source>
        <translation>只有根 CA</translation>
    </message>
    <message>
        <source>modern: AES-256, PBKDF2 (Windows 10 1709+ / Server 2019+)</source>
        <translation>新式：AES-256、PBKDF2（Windows 10 1709+ / Server 2019+）</translation>
    </message>
    <message>
        <source>legacy: 3DES, SHA-1 (older Windows and appliances)</source>
        <translation>舊式：3DES、SHA-1（較舊的 Windows 與設備）</translation>
    </message>
    <message>
        <source>is empty; a PKCS#12 file carries the private key, so give it a password</source>
        <translation>是空的；PKCS#12 檔案含有私密金鑰，請設定密碼</translation>
    </message>
    <message>
        <source>is shorter than 8 characters; the file carries the private key: choose a longer one</source>
        <translation>少於 8 個字元；此檔案含有私密金鑰：請選擇較長的密碼</translation>
    </message>
    <message>
        <source>holds no certificate for this private key; give the certificate your CA issued for it</source>
        <translation>沒有此私密金鑰的憑證；請提供 CA 為它簽發的憑證</translation>
    </message>
    <message>
        <source>is not the certificate of this private key; choose the key that belongs to it</source>
        <translation>不是此私密金鑰的憑證；請選擇屬於它的金鑰</translation>
    </message>
    <message>
        <source>{value} holds control characters; Windows and OpenSSL show it as typed: retype it</source>
        <translation>{value} 含有控制字元；Windows 與 OpenSSL 會原樣顯示：請重新輸入</translation>
    </message>
    <message>
        <source>did not read back correctly; nothing was written</source>
        <translation>讀回結果不正確；未寫入任何檔案</translation>
    </message>
    <message>
        <source>should end in .p12 or .pfx so importers recognise it</source>
        <translation>副檔名應為 .p12 或 .pfx，匯入程式才能辨識</translation>
    </message>
    <message>
        <source>{host}: the host key is not known yet ({key_type} {fingerprint}); compare it with the fingerprint the MMP shows and accept it, or give that fingerprint (--fingerprint)</source>
        <translation>{host}：主機金鑰不在已知主機清單中（{key_type} {fingerprint}）；請與 MMP 顯示的指紋比對後接受，或提供該指紋 (--fingerprint)</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>已驗證</translation>
    </message>
    <message>
        <source>already on the MMP, identical</source>
        <translation>MMP 上已有此檔案，內容相同</translation>
    </message>
    <message>
        <source>not sent: already on the MMP</source>
        <translation>未傳送：MMP 上已有此檔案</translation>
    </message>
    <message>
        <source>MISMATCH</source>
        <translation>不一致</translation>
    </message>
    <message>
        <source>not stored: disk full</source>
        <translation>未儲存：磁碟已滿</translation>
    </message>
    <message>
        <source>not stored: refused</source>
        <translation>未儲存：遭拒絕</translation>
    </message>
    <message>
        <source>connection lost</source>
        <translation>連線中斷</translation>
    </message>
    <message>
        <source>not sent: login refused</source>
        <translation>未傳送：登入遭拒絕</translation>
    </message>
    <message>
        <source>not sent: wrong host key</source>
        <translation>未傳送：主機金鑰錯誤</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>未傳送</translation>
    </message>
    <message>
        <source>not sent: cannot read it</source>
        <translation>未傳送：無法讀取</translation>
    </message>
    <message>
        <source>{count} uploaded and verified</source>
        <translation>{count} 個已上傳並驗證</translation>
    </message>
    <message>
        <source>{count} already there</source>
        <translation>{count} 個已在 MMP 上</translation>
    </message>
    <message>
        <source>{count} differs on the MMP (not replaced)</source>
        <translation>{count} 個與 MMP 上的不同（未取代）</translation>
    </message>
    <message>
        <source>{count} read back different</source>
        <translation>{count} 個讀回後不相符</translation>
    </message>
    <message>
        <source>{count} not stored: disk full</source>
        <translation>{count} 個未儲存：磁碟已滿</translation>
    </message>
    <message>
        <source>{count} refused by the MMP</source>
        <translation>{count} 個遭 MMP 拒絕</translation>
    </message>
    <message>
        <source>{count} cut off: connection lost</source>
        <translation>{count} 個中斷：連線中斷</translation>
    </message>
    <message>
        <source>{count} not sent: login refused</source>
        <translation>{count} 個未傳送：登入遭拒</translation>
    </message>
    <message>
        <source>{count} not sent: wrong host key</source>
        <translation>{count} 個未傳送：主機金鑰錯誤</translation>
    </message>
    <message>
        <source>{count} not sent</source>
        <translation>{count} 個未傳送</translation>
    </message>
    <message>
        <source>{count} not sent: cannot read it</source>
        <translation>{count} 個未傳送：無法讀取</translation>
    </message>
    <message>
        <source>{value} is not an SSH host key fingerprint; copy it as shown, e.g. SHA256:…(43 characters)</source>
        <translation>{value} 不是 SSH 主機金鑰指紋；請照原樣複製，例如 SHA256:…（43 個字元）</translation>
    </message>
    <message>
        <source>the MMP did not answer the login within {seconds} s; nothing was sent</source>
        <translation>MMP 在 {seconds} 秒內沒有回應登入；未傳送任何檔案</translation>
    </message>
    <message>
        <source>the connection was lost while the complete, verified file was being renamed into place; it may or may not be on the MMP: upload again (a file already there is compared, not resent)</source>
        <translation>完整且已驗證的檔案在改名就位時連線中斷；它可能在也可能不在 MMP 上：請再上傳一次（已在的檔案會比對，不會重送）</translation>
    </message>
    <message>
        <source>the MMP stopped answering while this file was sent or read back; it is not under its name on the MMP (a hidden temporary at most, which the next upload removes): upload again</source>
        <translation>傳送或讀回此檔案時 MMP 停止回應；MMP 上沒有以此名稱存在的檔案（至多一個隱藏暫存檔，下次上傳會將其移除）：請再上傳一次</translation>
    </message>
    <message>
        <source>the connection was lost while sending or reading it back; it is not under its name on the MMP (a hidden temporary at most, which the next upload removes): upload again</source>
        <translation>傳送或讀回時連線中斷；MMP 上沒有以此名稱存在的檔案（至多一個隱藏暫存檔，下次上傳會將其移除）：請再上傳一次</translation>
    </message>
    <message>
        <source>the server&apos;s host key is {actual}, not the fingerprint you gave ({given}); nothing was sent. Check the fingerprint on the MMP: another machine may be answering at this address</source>
        <translation>伺服器的主機金鑰是 {actual}，不是您提供的指紋 ({given})；未傳送任何資料。請在 MMP 上核對指紋：此位址可能由另一台機器回應</translation>
    </message>
    <message>
        <source>no file to send</source>
        <translation>沒有要傳送的檔案</translation>
    </message>
    <message>
        <source>{host}: {counts}</source>
        <translation>{host}：{counts}</translation>
    </message>
    <message>
        <source>has the same name as {other}; the MMP has one folder: rename one</source>
        <translation>與 {other} 同名；MMP 只有一個資料夾：請將其中一個改名</translation>
    </message>
    <message>
        <source>give a password or an SSH key</source>
        <translation>請提供密碼或 SSH 金鑰</translation>
    </message>
    <message>
        <source>the server does not accept this kind of login; it allows: {allowed}</source>
        <translation>伺服器不接受此登入方式；允許的方式：{allowed}</translation>
    </message>
    <message>
        <source>the MMP refused the login of {user}; check the user name and password or key</source>
        <translation>MMP 拒絕了 {user} 的登入；請檢查使用者名稱與密碼或金鑰</translation>
    </message>
    <message>
        <source>the MMP refused to write it (permission denied, or the folder is read-only)</source>
        <translation>MMP 拒絕寫入（權限不足，或資料夾為唯讀）</translation>
    </message>
    <message>
        <source>the MMP could not store it ({p}): its disk is probably full; free space (remove old logs or files) and upload again</source>
        <translation>MMP 無法儲存 ({p})：磁碟可能已滿；請釋放空間（刪除舊的記錄或檔案）後重新上傳</translation>
    </message>
    <message>
        <source>is a symbolic link on the MMP; cmswizard never writes through links: remove the link on the MMP</source>
        <translation>在 MMP 上是符號連結；cmswizard 從不透過連結寫入：請在 MMP 上移除該連結</translation>
    </message>
    <message>
        <source>a file of this name is on the MMP and was left as it is (a live key or certificate name breaks its service when replaced); use a new basename, or choose to replace it</source>
        <translation>MMP 上已有同名檔案，已保持原狀（取代使用中的金鑰或憑證會使該服務中斷）；請使用新的基本名稱，或選擇取代</translation>
    </message>
    <message>
        <source>{size} bytes, SHA-256 {digest}, the same as the local file; not sent again</source>
        <translation>{size} 位元組，SHA-256 {digest}，與本機檔案相同；不再傳送</translation>
    </message>
    <message>
        <source>a different file of this name ({size} bytes) is on the MMP and was left as it is (a live key or certificate name breaks its service when replaced); use a new basename, or choose to replace it</source>
        <translation>MMP 上有另一個同名但內容不同的檔案（{size} 位元組），已保持原狀（取代使用中的金鑰或憑證會使該服務中斷）；請使用新的基本名稱，或選擇取代</translation>
    </message>
    <message>
        <source>appeared on the MMP while uploading; left as it is</source>
        <translation>上傳期間此檔案出現在 MMP 上；已保持原狀</translation>
    </message>
    <message>
        <source>the MMP could not create it: {p}</source>
        <translation>MMP 無法建立此檔案：{p}</translation>
    </message>
    <message>
        <source>{host}: the server offered a {key_type} host key ({fingerprint}), but known_hosts holds a {known} key for this host; nothing was sent. Compare the fingerprint with the MMP&apos;s, or give it (--fingerprint)</source>
        <translation>{host}：伺服器提供的是 {key_type} 主機金鑰（{fingerprint}），但 known_hosts 中此主機存的是 {known} 金鑰；未傳送任何檔案。請與 MMP 顯示的指紋比對，或提供該指紋（--fingerprint）</translation>
    </message>
    <message>
        <source>the server&apos;s host key ({fingerprint}) differs from the one in {entry} (the {key_type} key for {host}); nothing was sent. If the MMP was reinstalled, compare the new fingerprint with the MMP&apos;s and replace that line</source>
        <translation>伺服器的主機金鑰（{fingerprint}）與 {entry} 中的不同（{host} 的 {key_type} 金鑰）；未傳送任何資料。若 MMP 曾重新安裝，請將新指紋與 MMP 顯示的指紋核對後，取代該行</translation>
    </message>
    <message>
        <source>the file name holds control characters; rename the file</source>
        <translation>檔名含有控制字元；請重新命名檔案</translation>
    </message>
    <message>
        <source>read back {got} byte(s) with SHA-256 {stored}, sent {sent} byte(s) with {local}; do not use this file on the MMP: upload it again</source>
        <translation>讀回 {got} 位元組，SHA-256 為 {stored}；傳送的是 {sent} 位元組，SHA-256 為 {local}；請勿在 MMP 上使用此檔案：請重新上傳</translation>
    </message>
    <message>
        <source>{size} bytes, SHA-256 {digest}</source>
        <translation>{size} 位元組，SHA-256 {digest}</translation>
    </message>
    <message>
        <source>{p} (the MMP cannot rename files, so it was written under its own name)</source>
        <translation>{p}（MMP 無法為檔案改名，因此直接以其名稱寫入）</translation>
    </message>
    <message>
        <source>could not connect to {host} port {port}: {p}; check the address and that SSH is reachable</source>
        <translation>無法連線到 {host} 連接埠 {port}：{p}；請檢查位址及 SSH 是否可連線</translation>
    </message>
    <message>
        <source>the connection closed during login: {p}</source>
        <translation>登入期間連線已關閉：{p}</translation>
    </message>
    <message>
        <source>the MMP did not open a shell: {p}</source>
        <translation>MMP 未開啟殼層（shell）：{p}</translation>
    </message>
    <message>
        <source>no prompt came back within the time allowed; last bytes: {tail}</source>
        <translation>在允許的時間內沒有出現提示字元；最後收到的位元組：{tail}</translation>
    </message>
    <message>
        <source>the answer went on past {size} bytes without a prompt</source>
        <translation>回應超過 {size} 位元組仍未出現提示字元</translation>
    </message>
    <message>
        <source>the connection was lost: {p}</source>
        <translation>連線中斷：{p}</translation>
    </message>
    <message>
        <source>the server closed the connection</source>
        <translation>伺服器已關閉連線</translation>
    </message>
    <message>
        <source>the session is not open</source>
        <translation>工作階段未開啟</translation>
    </message>
    <message>
        <source>the server sent more after its prompt: {tail}</source>
        <translation>伺服器在提示字元之後又送出內容：{tail}</translation>
    </message>
    <message>
        <source>the MMP did not open an SFTP session: {p}</source>
        <translation>MMP 未開啟 SFTP 工作階段：{p}</translation>
    </message>
    <message>
        <source>the connection was lost before this file; upload it again</source>
        <translation>在此檔案之前連線已中斷；請重新上傳</translation>
    </message>
    <message>
        <source>Choose one job: make keys and CSRs, build a bundle from what your CA sent back, make database cluster certificates, check files, or get the commands for the CMS and copy the files to a USB stick.</source>
        <translation>選擇一項工作：產生金鑰與 CSR、用 CA 傳回的檔案建立憑證套件組合、建立資料庫叢集憑證、檢查檔案，或取得 CMS 指令並把檔案複製到 USB 隨身碟。</translation>
    </message>
    <message>
        <source>Nothing yet: each job ends with files and the exact MMP commands that put them to use.</source>
        <translation>此頁尚未產生任何結果：每項工作最後都會產生檔案，以及讓檔案生效的確切 MMP 指令。</translation>
    </message>
    <message>
        <source>Usual order: CSR, then the CA signs it, then the bundle, then the commands and the stick.</source>
        <translation>一般順序：先產生 CSR，再由 CA 簽署，接著建立憑證套件組合，最後是指令與隨身碟。</translation>
    </message>
    <message>
        <source>Describe your deployment (CMS version, one server, a cluster or core and edge servers, their FQDNs and the join URL). The wizard proposes one certificate per service and node.</source>
        <translation>描述您的部署（CMS 版本；單一伺服器、叢集，或核心與邊緣伺服器；它們的 FQDN 與加入會議的 URL）。精靈會為每個服務與節點提出一張憑證。</translation>
    </message>
    <message>
        <source>Each proposed certificate becomes a key and CSR, and later a &lt;code&gt;… certs&lt;/code&gt; line on the MMP of the node that runs that service.</source>
        <translation>每張提出的憑證都會成為一組金鑰與 CSR，之後在執行該服務的節點 MMP 上成為一行 &lt;code&gt;… certs&lt;/code&gt; 指令。</translation>
    </message>
    <message>
        <source>TAC 214618: Generate a CSR for CMS (pki csr syntax, database certificates, applying certificates)</source>
        <translation>TAC 214618：為 CMS 產生 CSR（pki csr 語法、資料庫憑證、套用憑證）</translation>
    </message>
    <message>
        <source>TAC 221729: Configure CMS Edge (Web Bridge 3, C2W, full-chain files)</source>
        <translation>TAC 221729：設定 CMS 邊緣伺服器（Web Bridge 3、C2W、完整憑證信任鏈檔案）</translation>
    </message>
    <message>
        <source>TAC 217367: Configure CMS Scheduler (C2W trust of every Web Bridge 3)</source>
        <translation>TAC 217367：設定 CMS Scheduler（C2W 信任每個 Web Bridge 3）</translation>
    </message>
    <message>
        <source>TAC 215421: expired database cluster certificates (back up every node first)</source>
        <translation>TAC 215421：資料庫叢集憑證到期（先備份每個節點）</translation>
    </message>
    <message>
        <source>TAC 216549: an expired database certificate takes the database cluster down</source>
        <translation>TAC 216549：資料庫憑證到期會使資料庫叢集停擺</translation>
    </message>
    <message>
        <source>TAC 210530: database cluster with enterprise-CA certificates</source>
        <translation>TAC 210530：使用企業 CA 憑證的資料庫叢集</translation>
    </message>
    <message>
        <source>TAC 213820: CMS as CUCM conference bridge over TLS</source>
        <translation>TAC 213820：CMS 作為 CUCM 的 TLS 會議橋</translation>
    </message>
    <message>
        <source>TAC 222766: TLS settings apply on a Call Bridge restart</source>
        <translation>TAC 222766：TLS 設定於 Call Bridge 重新啟動時生效</translation>
    </message>
    <message>
        <source>TAC 212298: Web Admin on a non-standard port such as 445</source>
        <translation>TAC 212298：Web Admin 使用非標準連接埠，例如 445</translation>
    </message>
    <message>
        <source>TAC 225723: public CAs move to server-only certificates (Chrome Root Program)</source>
        <translation>TAC 225723：公用 CA 改為只核發伺服器用憑證（Chrome Root Program）</translation>
    </message>
    <message>
        <source>Cisco Live lab: the CMS lab at cmslab.ciscolive.com</source>
        <translation>Cisco Live 實驗室：cmslab.ciscolive.com 上的 CMS 實驗</translation>
    </message>
    <message>
        <source>S&amp;R guide 2.0: Deploying TURN servers (turn tls 447 beside a web bridge on 443)</source>
        <translation>S&amp;R 指南 2.0：部署 TURN 伺服器（web bridge 使用 443 時改用 turn tls 447）</translation>
    </message>
    <message>
        <source>PA 12.x Security: Server and Client Authentication in the extended key usage</source>
        <translation>PA 12.x 安全性：延伸金鑰使用方法需有伺服器驗證與用戶端驗證</translation>
    </message>
    <message>
        <source>FAQ: What information is required to create a CSR</source>
        <translation>FAQ：建立 CSR 需要哪些資訊</translation>
    </message>
    <message>
        <source>RFC 8446: a TLS server may leave out its root (section 4.4.2)</source>
        <translation>RFC 8446：TLS 伺服器可以不傳送根 CA（第 4.4.2 節）</translation>
    </message>
    <message>
        <source>RFC 6120: the XMPP domain in the server certificate</source>
        <translation>RFC 6120：伺服器憑證中的 XMPP 網域</translation>
    </message>
    <message>
        <source>none: no readable Cisco text decides this; the wizard takes the careful choice</source>
        <translation>無：沒有可讀的 Cisco 文字決定此點；精靈採取謹慎的做法</translation>
    </message>
    <message>
        <source>CMS 2.9 added Web Bridge 3 beside Web Bridge 2 and XMPP, which later versions drop; the Scheduler is beta in 3.3, supported from 3.4 (CMS 1000, virtual) and 3.5 (CMS 2000); the database CA is on the box from 2.7.</source>
        <translation>CMS 2.9 在 Web Bridge 2 與 XMPP 之外新增了 Web Bridge 3，後續版本移除前兩者；Scheduler 在 3.3 為測試版，自 3.4（CMS 1000、虛擬化）與 3.5（CMS 2000）起支援；資料庫 CA 自 2.7 起內建於主機上。</translation>
    </message>
    <message>
        <source>Every name users or other servers type must be in the certificate&apos;s SAN; in a cluster the Call Bridge certificate often names every node.</source>
        <translation>使用者或其他伺服器輸入的每個名稱都必須在憑證的主體別名 (SAN) 中；在叢集中，Call Bridge 憑證通常列出每個節點。</translation>
    </message>
    <message>
        <source>Fill in the subject of one certificate: the names and organisation fields that go into the CSR.</source>
        <translation>填寫一張憑證的主體：放進 CSR 的名稱與組織欄位。</translation>
    </message>
    <message>
        <source>Your CA copies these fields into the certificate; CMS then presents it to browsers, apps and other servers, which check the names against what they connected to.</source>
        <translation>CA 會把這些欄位複製到憑證中；CMS 再把憑證出示給瀏覽器、應用程式與其他伺服器，由它們核對名稱是否與所連線的對象相符。</translation>
    </message>
    <message>
        <source>Basename: letters, digits, - and _ only. Never reuse the basename of a key in use: pki csr overwrites it and that service breaks at once.</source>
        <translation>基本名稱：只能使用字母、數字、- 與 _。切勿重複使用正在使用中的金鑰基本名稱：pki csr 會覆寫它，該服務會立即中斷。</translation>
    </message>
    <message>
        <source>CN: the FQDN of the service. Required. If a SAN is given, the CN must also be in it.</source>
        <translation>一般名稱 (CN)：服務的完整網域名稱 (FQDN)，必填。若有主體別名 (SAN)，CN 也必須在其中。</translation>
    </message>
    <message>
        <source>SAN: one comma-separated list without spaces of DNS names, IP addresses or e-mail addresses. Browsers ignore the CN when there is a SAN, and XMPP clients refuse a certificate without one.</source>
        <translation>主體別名 (SAN)：以逗號分隔、不含空格的單一清單，內容為 DNS 名稱、IP 位址或電子郵件地址。有 SAN 時瀏覽器會忽略 CN，而 XMPP 用戶端會拒絕沒有 SAN 的憑證。</translation>
    </message>
    <message>
        <source>C: a two-letter ISO 3166 country code (TW, US, GB; not UK).</source>
        <translation>國家/地區 (C)：兩個字母的 ISO 3166 代碼（TW、US、GB；不是 UK）。</translation>
    </message>
    <message>
        <source>O, OU, ST: optional; values with spaces are typed in double quotes on the MMP. A city goes into L, never into ST.</source>
        <translation>組織 (O)、組織單位 (OU)、省/州 (ST)：選填；含空格的值在 MMP 上要以雙引號括住。城市應填在 L，絕不填在 ST。</translation>
    </message>
    <message>
        <source>L (city) is not in the pki csr syntax of TAC 214618: the MMP line with L is unconfirmed; check it in your MMP Command Reference or leave L out on the CMS.</source>
        <translation>L（城市）不在 TAC 214618 的 pki csr 語法中：含 L 的 MMP 指令未經確認；請在 MMP 指令參考中查詢，或在 CMS 上省略 L。</translation>
    </message>
    <message>
        <source>Key: RSA 2048 is the safe default. Whether CMS accepts ECDSA keys is not confirmed, and the MMP line cannot choose the key type.</source>
        <translation>金鑰：RSA 2048 是安全的預設值。CMS 是否接受 ECDSA 金鑰尚未確認，而且 MMP 指令無法選擇金鑰類型。</translation>
    </message>
    <message>
        <source>The exact pki csr line for this certificate: type it on the MMP, or let the wizard run the same request on this computer.</source>
        <translation>這張憑證確切的 pki csr 指令：在 MMP 上輸入，或讓精靈在這台電腦上執行同樣的請求。</translation>
    </message>
    <message>
        <source>On the MMP, &lt;code&gt;pki csr&lt;/code&gt; writes the key and the CSR into the MMP&apos;s top folder; the key never leaves the server.</source>
        <translation>在 MMP 上，&lt;code&gt;pki csr&lt;/code&gt; 會把金鑰與 CSR 寫入 MMP 的最上層資料夾；金鑰永遠不會離開伺服器。</translation>
    </message>
    <message>
        <source>Tokens are KEY:value separated by spaces; no = and no /C= strings.</source>
        <translation>每個項目的格式為「鍵:值」，以空格分隔；不使用 =，也不使用 /C= 形式的字串。</translation>
    </message>
    <message>
        <source>Warnings do not stop the request, but read them: a missing SAN or a reused basename causes trouble later.</source>
        <translation>警告不會阻止請求，但請閱讀：缺少主體別名 (SAN) 或重複使用基本名稱，之後都會造成問題。</translation>
    </message>
    <message>
        <source>Make the private key and the CSR on this computer, in the folder you choose.</source>
        <translation>在這台電腦上、您選擇的資料夾中產生私密金鑰與 CSR。</translation>
    </message>
    <message>
        <source>Send the CSR to your CA. The key (mode 0600, unencrypted PKCS#8 PEM as CMS needs it) goes to the MMP later, with the certificate the CA returns.</source>
        <translation>把 CSR 送交您的 CA。私密金鑰（權限 0600，依 CMS 需要為未加密的 PKCS#8 PEM）之後與 CA 傳回的憑證一起傳到 MMP。</translation>
    </message>
    <message>
        <source>An existing key is never replaced unless you say so: it may be the key a service is using.</source>
        <translation>除非您明確同意，否則絕不取代現有的金鑰：它可能正被某個服務使用。</translation>
    </message>
    <message>
        <source>Ask your CA for a certificate with both server and client authentication: the Call Bridge, the Scheduler and database clients use it as a TLS client.</source>
        <translation>請向 CA 申請同時具備伺服器與用戶端驗證的憑證：Call Bridge、Scheduler 與資料庫用戶端都會以 TLS 用戶端身分使用它。</translation>
    </message>
    <message>
        <source>The steps to make the key and CSR on the CMS itself, over SSH to the MMP.</source>
        <translation>透過 SSH 連到 MMP，在 CMS 上產生金鑰與 CSR 的步驟。</translation>
    </message>
    <message>
        <source>&lt;code&gt;pki csr&lt;/code&gt; on the MMP writes &lt;code&gt;&amp;lt;basename&amp;gt;.key&lt;/code&gt; and &lt;code&gt;&amp;lt;basename&amp;gt;.csr&lt;/code&gt;; download the CSR by SFTP and send it to your CA.</source>
        <translation>MMP 上的 &lt;code&gt;pki csr&lt;/code&gt; 會寫入 &lt;code&gt;&amp;lt;basename&amp;gt;.key&lt;/code&gt; 與 &lt;code&gt;&amp;lt;basename&amp;gt;.csr&lt;/code&gt;；以 SFTP 下載 CSR 並送交您的 CA。</translation>
    </message>
    <message>
        <source>Use a new basename when renewing: the old key stays in use until you switch.</source>
        <translation>更新憑證時請使用新的基本名稱：在您切換之前，舊金鑰仍在使用中。</translation>
    </message>
    <message>
        <source>Put what your CA sent back (DER .cer, .p7b, .pfx, PEM) in order, check every link, and save the bundle CMS wants.</source>
        <translation>把 CA 傳回的檔案（DER .cer、.p7b、.pfx、PEM）排好順序、檢查每個環節，並儲存 CMS 所需的憑證套件組合。</translation>
    </message>
    <message>
        <source>A full chain is the second argument of &lt;code&gt;webbridge3 https certs&lt;/code&gt;; a CA bundle is the third argument of &lt;code&gt;webadmin&lt;/code&gt;, &lt;code&gt;callbridge&lt;/code&gt;, &lt;code&gt;xmpp&lt;/code&gt; and &lt;code&gt;turn certs&lt;/code&gt;.</source>
        <translation>完整憑證信任鏈是 &lt;code&gt;webbridge3 https certs&lt;/code&gt; 的第二個引數；CA 憑證套件組合是 &lt;code&gt;webadmin&lt;/code&gt;、&lt;code&gt;callbridge&lt;/code&gt;、&lt;code&gt;xmpp&lt;/code&gt; 與 &lt;code&gt;turn certs&lt;/code&gt; 的第三個引數。</translation>
    </message>
    <message>
        <source>Full chain: entity certificate first, then intermediates upward, then the root. CA bundle: the same without the entity certificate.</source>
        <translation>完整憑證信任鏈：實體憑證在最前，接著由下往上的中繼憑證，最後是根 CA。CA 憑證套件組合：同上，但不含實體憑證。</translation>
    </message>
    <message>
        <source>PEM with LF line ends, exactly one line break after each certificate, no blank lines and nothing else in the file.</source>
        <translation>使用 LF 換行的 PEM，每張憑證後恰好一個換行，沒有空白行，檔案中也沒有其他內容。</translation>
    </message>
    <message>
        <source>Since CMS 3.0 the full trust chain is required.</source>
        <translation>CMS 3.0 起需要完整的憑證信任鏈。</translation>
    </message>
    <message>
        <source>Make the database cluster&apos;s CA (dbca) and the dbserver and dbclient certificates it signs, as pki selfsigned and pki sign do on the primary.</source>
        <translation>建立資料庫叢集的 CA (dbca)，以及由它簽署的 dbserver 與 dbclient 憑證，就像在主要節點上執行 pki selfsigned 與 pki sign 一樣。</translation>
    </message>
    <message>
        <source>Every core presents dbserver or dbclient to the PostgreSQL link between the cores, which checks the chain against dbca (not the host name).</source>
        <translation>每部核心伺服器在彼此之間的 PostgreSQL 連線上出示 dbserver 或 dbclient，連線會依 dbca 檢查憑證信任鏈（而不是主機名稱）。</translation>
    </message>
    <message>
        <source>The database client certificate&apos;s CN is exactly postgres.</source>
        <translation>資料庫用戶端憑證的一般名稱 (CN) 必須正好是 postgres。</translation>
    </message>
    <message>
        <source>dbserver names the primary&apos;s FQDN; the other cores go into its SAN.</source>
        <translation>dbserver 使用主要節點的完整網域名稱 (FQDN)；其他核心伺服器放在它的主體別名 (SAN) 中。</translation>
    </message>
    <message>
        <source>An enterprise CA may sign them too, so file names are not fixed to dbserver, dbclient and dbca.</source>
        <translation>這些憑證也可以由企業 CA 簽署，因此檔名不限於 dbserver、dbclient 與 dbca。</translation>
    </message>
    <message>
        <source>The files each node needs and the database cluster commands to type there, in order.</source>
        <translation>每個節點需要的檔案，以及要依序在該節點輸入的資料庫叢集指令。</translation>
    </message>
    <message>
        <source>&lt;code&gt;database cluster certs&lt;/code&gt; installs the files; &lt;code&gt;initialize&lt;/code&gt;, &lt;code&gt;join&lt;/code&gt; and &lt;code&gt;connect&lt;/code&gt; build the cluster. &lt;code&gt;join&lt;/code&gt; overwrites the joining node&apos;s database.</source>
        <translation>&lt;code&gt;database cluster certs&lt;/code&gt; 安裝檔案；&lt;code&gt;initialize&lt;/code&gt;、&lt;code&gt;join&lt;/code&gt; 與 &lt;code&gt;connect&lt;/code&gt; 建立叢集。&lt;code&gt;join&lt;/code&gt; 會覆寫加入節點的資料庫。</translation>
    </message>
    <message>
        <source>Before renewing: backup snapshot on every node and download each backup (.bak and .json), then database cluster remove on every node, the primary last.</source>
        <translation>更新前：在每個節點執行 backup snapshot 並下載每份備份（.bak 與 .json），然後在每個節點執行 database cluster remove，主要節點最後。</translation>
    </message>
    <message>
        <source>Expiry: renew before the date; an expired database certificate takes the database cluster down.</source>
        <translation>到期：請在到期日前完成憑證更新；資料庫憑證到期會使資料庫叢集停擺。</translation>
    </message>
    <message>
        <source>Web Admin moves to 445 or 8443 when a web bridge has 443 on the same box, and stays on 443 without one; the C2W port is the one in the c2w:// URL set on the Call Bridge.</source>
        <translation>當 web bridge 在同一台主機使用 443 時，Web Admin 改用 445 或 8443，沒有 web bridge 時則維持 443；C2W 連接埠是 Call Bridge 上設定的 c2w:// URL 中的連接埠。</translation>
    </message>
    <message>
        <source>Every name users type must be in the certificate&apos;s subject alternative names; for XMPP, the XMPP domain too.</source>
        <translation>使用者輸入的每個名稱都必須在憑證的主體別名中；XMPP 還包括 XMPP 網域。</translation>
    </message>
    <message>
        <source>Every certificate of the plan with its issuer, expiry and renewal state. Dry run says what is due; Renew now renews it through the ACME issuer (DNS-01), bundles it in CMS order and compares it with the old one; Test DNS checks the DNS-01 set-up; the schedule runs the same every day.</source>
        <translation>計畫檔中的每張憑證及其簽發者、到期日與憑證更新狀態。「模擬執行」顯示哪些已到期；「立即進行憑證更新」透過 ACME 簽發者（DNS-01）完成憑證更新、依 CMS 順序組成憑證套件組合並與舊憑證比較；「測試 DNS」檢查 DNS-01 設定；排程每天執行相同的工作。</translation>
    </message>
    <message>
        <source>A renewed certificate still has to reach the CMS: upload its files and type the replacement commands (renew sheet), or let the MMP runner do it; the next step column says which.</source>
        <translation>更新後的憑證仍須送到 CMS：上傳其檔案並輸入替換指令（renew sheet），或交由 MMP 執行器處理；「下一步」欄會說明該怎麼做。</translation>
    </message>
    <message>
        <source>A server may leave out its root: a chain without it is normal. The full-chain rule of CMS 3.0 is about the file given to the MMP.</source>
        <translation>伺服器可以不傳送根 CA：沒有根 CA 的憑證信任鏈是正常的。CMS 3.0 的完整憑證信任鏈規則是針對交給 MMP 的檔案。</translation>
    </message>
    <message>
        <source>dbclient.crt goes to every server that connects, dbserver.crt to every server in the cluster, dbca.crt to all.</source>
        <translation>dbclient.crt 複製到每部連線的伺服器，dbserver.crt 複製到叢集中的每部伺服器，dbca.crt 複製到所有伺服器。</translation>
    </message>
    <message>
        <source>Use an odd number of database nodes (3 or 5): a majority must remain to keep a primary. No readable Cisco text here says so: the wizard warns, it never refuses.</source>
        <translation>請使用奇數個資料庫節點（3 或 5）：必須保有多數才能維持主要節點。此處沒有可讀的 Cisco 文字這樣說：精靈只會警告，不會拒絕。</translation>
    </message>
    <message>
        <source>Check files before they go to the CMS: what a file holds, whether a key belongs to a certificate, and whether a certificate chains to a CA.</source>
        <translation>在檔案送到 CMS 之前先檢查：檔案內容為何、私密金鑰是否屬於某張憑證，以及憑證是否能連結到某個 CA。</translation>
    </message>
    <message>
        <source>These are the checks pki inspect, pki match and pki verify make on the MMP; a failed check here would fail there too.</source>
        <translation>這些就是 MMP 上 pki inspect、pki match 與 pki verify 所做的檢查；在這裡失敗的檢查，在 MMP 上也會失敗。</translation>
    </message>
    <message>
        <source>EKU: services that act as TLS clients need client authentication.</source>
        <translation>延伸金鑰使用方法 (EKU)：以 TLS 用戶端身分運作的服務需要用戶端驗證。</translation>
    </message>
    <message>
        <source>Say which key, certificate and bundle each service uses; the wizard writes the MMP commands node by node, with the trust files the services need.</source>
        <translation>指定每個服務使用的金鑰、憑證與憑證套件組合；精靈會逐節點寫出 MMP 指令，以及服務所需的信任檔案。</translation>
    </message>
    <message>
        <source>You type the sheet&apos;s commands on each node&apos;s MMP; each answers SUCCESS or FAILURE. Lines starting with # explain and are not typed.</source>
        <translation>您在每個節點的 MMP 上輸入指令表中的指令；每個指令會回應 SUCCESS 或 FAILURE。以 # 開頭的行是說明，不需輸入。</translation>
    </message>
    <message>
        <source>callbridge trust c2w holds every Web Bridge 3 certificate, and webbridge3 c2w trust every Call Bridge and Scheduler certificate: one peer alone breaks the others.</source>
        <translation>callbridge trust c2w 要包含每一個 Web Bridge 3 憑證，webbridge3 c2w trust 要包含每一個 Call Bridge 與 Scheduler 憑證：只放一個對端會讓其他連線中斷。</translation>
    </message>
    <message>
        <source>Before any change on a live node: backup snapshot, and download the backup.</source>
        <translation>在運作中的節點上做任何變更之前：執行 backup snapshot，並下載備份。</translation>
    </message>
    <message>
        <source>The CUCM SIP trunk&apos;s X.509 subject name must equal the Call Bridge CN.</source>
        <translation>CUCM SIP 主幹的 X.509 主體名稱必須等於 Call Bridge 的一般名稱 (CN)。</translation>
    </message>
    <message>
        <source>TURN TLS never shares the web bridge&apos;s port on one interface: the default is 447.</source>
        <translation>在同一介面上，TURN TLS 絕不與 web bridge 共用連接埠：預設為 447。</translation>
    </message>
    <message>
        <source>The tls settings (SIP trust and verification) come before the Call Bridge restart.</source>
        <translation>tls 設定（SIP 信任與驗證）要在 Call Bridge 重新啟動之前完成。</translation>
    </message>
    <message>
        <source>Copy the files and the command sheet to a USB stick or folder, each verified after writing.</source>
        <translation>把檔案與指令表複製到 USB 隨身碟或資料夾，每個檔案寫入後都會驗證。</translation>
    </message>
    <message>
        <source>From the stick the files go to the MMP by SFTP, into its top folder, where the commands expect them.</source>
        <translation>檔案從隨身碟以 SFTP 傳到 MMP 的最上層資料夾，也就是指令預期的位置。</translation>
    </message>
    <message>
        <source>Private keys are copied unencrypted, as CMS needs them: keep the stick safe and wipe it afterwards.</source>
        <translation>私密金鑰依 CMS 的需要以未加密形式複製：請妥善保管隨身碟，用完後清除。</translation>
    </message>
    <message>
        <source>The files go by SFTP into the MMP&apos;s top folder: the commands name them without a folder.</source>
        <translation>檔案以 SFTP 放到 MMP 的最上層資料夾：指令中的檔名不含資料夾。</translation>
    </message>
    <message>
        <source>Say which servers to check and the names users type. Each service is checked on its port; a server written as host:port is checked on that port only. Ports are site choices: change them here.</source>
        <translation>指定要檢查的伺服器與使用者會輸入的名稱。每個服務在其連接埠上檢查；寫成 主機:連接埠 的伺服器只檢查該連接埠。連接埠依各站台設定而定：可在此修改。</translation>
    </message>
    <message>
        <source>Nothing is changed on the CMS: the check connects like a browser or a peer would, reads the certificates and closes the connection.</source>
        <translation>不會變更 CMS 上的任何設定：檢查會像瀏覽器或對端一樣連線，讀取憑證後即關閉連線。</translation>
    </message>
    <message>
        <source>What each endpoint presented, on every address: the chain, its order, the days left, the names covered, the key usage, and whether it is the file you loaded.</source>
        <translation>每個端點在每個位址上提供的內容：憑證信任鏈、其順序、剩餘天數、包含的名稱、金鑰使用方法，以及是否為您載入的檔案。</translation>
    </message>
    <message>
        <source>A wrong result here is what users and peers see: renew the certificate, or fix the certs line and restart the service, then check again.</source>
        <translation>此處的錯誤就是使用者與對端會遇到的問題：請進行憑證更新，或修正 certs 指令並重新啟動服務，然後再檢查一次。</translation>
    </message>
    <message>
        <source>The Call Bridge also connects out with its certificate: it needs client authentication too.</source>
        <translation>Call Bridge 也會以其憑證對外連線：因此也需要用戶端驗證 (clientAuth)。</translation>
    </message>
    <message>
        <source>The request for the successor of a certificate: the same subject and names, a new file name with the year, and the same key type or a stronger one.</source>
        <translation>為接替此憑證的新憑證建立請求：相同的主體與名稱、加上年份的新檔名，以及相同或更強的金鑰類型。</translation>
    </message>
    <message>
        <source>The new key and CSR are made under the new name, so the key the service uses now stays in place until the new certificate is assigned.</source>
        <translation>新的金鑰與 CSR 以新名稱建立，因此在指派新憑證之前，服務目前使用的金鑰會保持不變。</translation>
    </message>
    <message>
        <source>Keep every SAN of the old certificate, or users typing that name will fail.</source>
        <translation>請保留舊憑證的每個主體別名 (SAN)，否則輸入該名稱的使用者會連線失敗。</translation>
    </message>
    <message>
        <source>Never reuse the name of the live key: pki csr would overwrite it at once.</source>
        <translation>絕不要重複使用使用中金鑰的名稱：pki csr 會立即覆寫它。</translation>
    </message>
    <message>
        <source>Make the key and CSR, then open the certificate your CA returns: it is compared with the one in use, field by field.</source>
        <translation>產生金鑰與 CSR，然後開啟 CA 傳回的憑證：會與使用中的憑證逐欄比較。</translation>
    </message>
    <message>
        <source>If the issuer changed, the systems that trust the old CA must trust the new one before the swap: peers&apos; C2W trust files, CUCM and Expressway.</source>
        <translation>若簽發者已變更，信任舊 CA 的系統必須在替換前信任新的 CA：對端的 C2W 信任檔案、CUCM 與 Expressway。</translation>
    </message>
    <message>
        <source>A changed issuer or Authority Key Identifier means another CA signed it.</source>
        <translation>簽發者或授權金鑰識別碼變更，表示由另一個 CA 簽署。</translation>
    </message>
    <message>
        <source>Public CAs are dropping client authentication: check it is still there.</source>
        <translation>公開 CA 正停止核發用戶端驗證 (clientAuth)：請確認仍然存在。</translation>
    </message>
    <message>
        <source>The commands that put the new certificate in use on one server, ready to copy.</source>
        <translation>在一台伺服器上啟用新憑證的指令，可直接複製。</translation>
    </message>
    <message>
        <source>&lt;code&gt;backup snapshot&lt;/code&gt; first, then the &lt;code&gt;certs&lt;/code&gt; line with the new file names, the restart, and the status line that shows the files in use.</source>
        <translation>先執行 &lt;code&gt;backup snapshot&lt;/code&gt;，再以新檔案名稱執行 &lt;code&gt;certs&lt;/code&gt; 指令、重新啟動，最後以狀態指令顯示使用中的檔案。</translation>
    </message>
    <message>
        <source>Afterwards, check what the node presents: the probe line at the end does it.</source>
        <translation>完成後，檢查節點實際提供的憑證：最後的 probe 指令會執行此檢查。</translation>
    </message>
    <message>
        <source>Send each node its files over SFTP, log in as the MMP admin, and read every file back to compare its SHA-256. Only files marked verified are on the MMP as sent.</source>
        <translation>以 SFTP 將檔案傳送到每個節點，以 MMP 管理員登入，並讀回每個檔案比對其 SHA-256。只有標示為已驗證的檔案才確定已如實存放在 MMP 上。</translation>
    </message>
    <message>
        <source>The MMP keeps uploaded files in its top folder, where &lt;code&gt;webadmin certs&lt;/code&gt;, &lt;code&gt;callbridge certs&lt;/code&gt; and the other commands look for them. Nothing is run on the MMP: type the node&apos;s commands shown beside its result.</source>
        <translation>MMP 將上傳的檔案存放在最上層資料夾，&lt;code&gt;webadmin certs&lt;/code&gt;、&lt;code&gt;callbridge certs&lt;/code&gt; 及其他指令會在此尋找它們。本工具不會在 MMP 上執行任何指令：請輸入結果旁所顯示的該節點指令。</translation>
    </message>
    <message>
        <source>The server&apos;s host key is checked before the password is sent: against known_hosts, or the fingerprint you read on the MMP. A first connection shows the fingerprint and asks.</source>
        <translation>在傳送密碼之前會先檢查伺服器的主機金鑰：比對 known_hosts，或您在 MMP 上讀到的指紋。第一次連線時會顯示指紋並詢問。</translation>
    </message>
    <message>
        <source>A file that already exists on the MMP is left as it is unless you choose to replace it: replacing the file of a key in use breaks that service at once.</source>
        <translation>MMP 上已存在的檔案會保持原狀，除非您選擇取代：取代使用中金鑰的檔案會立即使該服務中斷。</translation>
    </message>
    <message>
        <source>What this page is for</source>
        <translation>此頁的用途</translation>
    </message>
    <message>
        <source>What CMS does with it</source>
        <translation>CMS 如何使用此結果</translation>
    </message>
    <message>
        <source>Rules behind the checks</source>
        <translation>檢查所依據的規則</translation>
    </message>
    <message>
        <source>Source: {document}</source>
        <translation>出處：{document}</translation>
    </message>
    <message>
        <source>{value} is out of range; give days from 0 to {limit}</source>
        <translation>{value} 超出範圍；請輸入 0 到 {limit} 天</translation>
    </message>
    <message>
        <source>give whole numbers of days separated by commas, e.g. 60,30,7</source>
        <translation>請輸入以逗號分隔的整數天數，例如 60,30,7</translation>
    </message>
    <message>
        <source>endpoint {value}</source>
        <translation>端點 {value}</translation>
    </message>
    <message>
        <source>is empty; give a host name or address, e.g. cms1.example.com:445</source>
        <translation>是空的；請輸入主機名稱或位址，例如 cms1.example.com:445</translation>
    </message>
    <message>
        <source>write an IPv6 address with a port as [2001:db8::1]:445</source>
        <translation>含連接埠的 IPv6 位址請寫成 [2001:db8::1]:445</translation>
    </message>
    <message>
        <source>ends with &apos;:&apos; but no port; give the port (host:445) or leave the &apos;:&apos; out</source>
        <translation>以 &apos;:&apos; 結尾卻沒有連接埠；請提供連接埠（host:445）或去掉 &apos;:&apos;</translation>
    </message>
    <message>
        <source>the port must be a number from 1 to 65535</source>
        <translation>連接埠必須是 1 到 65535 的數字</translation>
    </message>
    <message>
        <source>give at least one host name or address, e.g. cms1.example.com</source>
        <translation>請至少輸入一個主機名稱或位址，例如 cms1.example.com</translation>
    </message>
    <message>
        <source>holds no certificate to compare with; give the .crt or full-chain file</source>
        <translation>不含可比較的憑證；請指定 .crt 或完整憑證信任鏈檔案</translation>
    </message>
    <message>
        <source>holds no certificate; give the root CA (and intermediates) you trust</source>
        <translation>不含任何憑證；請指定您信任的根 CA（及中繼 CA）</translation>
    </message>
    <message>
        <source>no answer within {seconds} s (timeout)</source>
        <translation>{seconds} 秒內沒有回應（逾時）</translation>
    </message>
    <message>
        <source>the XMPP server sent too much before STARTTLS; is this an XMPP port?</source>
        <translation>XMPP 伺服器在 STARTTLS 之前傳送了過多資料；這是 XMPP 連接埠嗎？</translation>
    </message>
    <message>
        <source>the XMPP server closed the connection before STARTTLS</source>
        <translation>XMPP 伺服器在 STARTTLS 之前關閉了連線</translation>
    </message>
    <message>
        <source>the XMPP server ended the stream with host-unknown: it does not serve this XMPP domain; give the domain clients use with --xmpp-domain</source>
        <translation>XMPP 伺服器以 host-unknown 結束串流：它不服務此 XMPP 網域；請以 --xmpp-domain 提供用戶端使用的網域</translation>
    </message>
    <message>
        <source>the XMPP server ended the stream with the error {condition}</source>
        <translation>XMPP 伺服器以錯誤 {condition} 結束串流</translation>
    </message>
    <message>
        <source>the XMPP server does not offer STARTTLS</source>
        <translation>XMPP 伺服器沒有提供 STARTTLS</translation>
    </message>
    <message>
        <source>the XMPP server refused STARTTLS</source>
        <translation>XMPP 伺服器拒絕了 STARTTLS</translation>
    </message>
    <message>
        <source>the database answers without TLS (SSLRequest refused): its certificates are not set</source>
        <translation>資料庫回應不使用 TLS（SSLRequest 被拒）：其憑證尚未設定</translation>
    </message>
    <message>
        <source>no PostgreSQL answer to the SSLRequest: is this the database port (5432)?</source>
        <translation>SSLRequest 沒有 PostgreSQL 回應：這是資料庫連接埠（5432）嗎？</translation>
    </message>
    <message>
        <source>no answer within {seconds} s (timeout): a firewall, or the wrong address</source>
        <translation>{seconds} 秒內沒有回應（逾時）：可能是防火牆或位址錯誤</translation>
    </message>
    <message>
        <source>connection refused: nothing listens on port {port} (is the service enabled?)</source>
        <translation>連線被拒：連接埠 {port} 上沒有服務在接聽（服務已啟用嗎？）</translation>
    </message>
    <message>
        <source>cannot connect: {reason}</source>
        <translation>無法連線：{reason}</translation>
    </message>
    <message>
        <source>the server closed the connection during the TLS handshake (is this a TLS port? is the service enabled?)</source>
        <translation>伺服器在 TLS 交握期間關閉了連線（這是 TLS 連接埠嗎？服務已啟用嗎？）</translation>
    </message>
    <message>
        <source>the TLS handshake failed: {reason}</source>
        <translation>TLS 交握失敗：{reason}</translation>
    </message>
    <message>
        <source>the connection failed: {reason}</source>
        <translation>連線失敗：{reason}</translation>
    </message>
    <message>
        <source>cannot resolve {host}: {reason}</source>
        <translation>無法解析 {host}：{reason}</translation>
    </message>
    <message>
        <source>{host} has no {family} address</source>
        <translation>{host} 沒有 {family} 位址</translation>
    </message>
    <message>
        <source>the chain is not in CMS order (certificate, intermediates, root); the right order is {order}</source>
        <translation>憑證信任鏈不是 CMS 要求的順序（憑證、中繼憑證、根 CA）；正確順序為 {order}</translation>
    </message>
    <message>
        <source>the certificate itself is not first</source>
        <translation>伺服器本身的憑證不在第一個</translation>
    </message>
    <message>
        <source>the chain is not in CMS order (certificate, intermediates, root): {details}</source>
        <translation>憑證信任鏈不是 CMS 要求的順序（憑證、中繼憑證、根 CA）：{details}</translation>
    </message>
    <message>
        <source>self-signed: browsers and peers trust it only if they hold this very certificate; for users, use a certificate from your CA</source>
        <translation>自我簽署：瀏覽器與對端只有在持有這張憑證本身時才會信任它；供使用者使用的服務請改用 CA 核發的憑證</translation>
    </message>
    <message>
        <source>the server sends only its own certificate: if {name} is an intermediate CA, clients that lack it fail (put the full chain in the bundle or full-chain file); if {name} is the root, this is normal</source>
        <translation>伺服器只傳送自己的憑證：若 {name} 是中繼 CA，缺少它的用戶端會失敗（請將完整憑證信任鏈放入憑證套件組合或完整憑證信任鏈檔案）；若 {name} 是根 CA，這是正常的</translation>
    </message>
    <message>
        <source>in CMS order: {names}; root not sent (normal: clients hold the root, here {root})</source>
        <translation>符合 CMS 順序：{names}；未傳送根 CA（正常：用戶端持有根 CA，此處為 {root}）</translation>
    </message>
    <message>
        <source>incomplete: the certificate of {name} is missing; add it to the bundle or full-chain file</source>
        <translation>不完整：缺少 {name} 的憑證；請將其加入憑證套件組合或完整憑證信任鏈檔案</translation>
    </message>
    <message>
        <source>complete and in CMS order: {names}</source>
        <translation>完整且符合 CMS 順序：{names}</translation>
    </message>
    <message>
        <source>{name} EXPIRED on {date}</source>
        <translation>{name} 已於 {date} 到期</translation>
    </message>
    <message>
        <source>{name} is not valid yet (from {date}): check the clocks</source>
        <translation>{name} 尚未生效（自 {date} 起）：請檢查時鐘</translation>
    </message>
    <message>
        <source>{name} expires in {days} day(s), on {date}: renew it now</source>
        <translation>{name} 將在 {days} 天後（{date}）到期：請立即進行憑證更新</translation>
    </message>
    <message>
        <source>valid; the first to expire is {name} in {days} day(s), on {date}</source>
        <translation>有效；最先到期的是 {name}，還有 {days} 天（{date}）</translation>
    </message>
    <message>
        <source>no host name to check (connected by address): give the names users type</source>
        <translation>沒有可檢查的主機名稱（以位址連線）：請輸入使用者會輸入的名稱</translation>
    </message>
    <message>
        <source>{name} is covered by the certificate</source>
        <translation>{name} 包含在憑證中</translation>
    </message>
    <message>
        <source>{name} is NOT in the certificate&apos;s subjectAltName: clients that type it get a warning or refuse</source>
        <translation>{name} 不在憑證的主體別名 (SAN) 中：輸入此名稱的用戶端會看到警告或拒絕連線</translation>
    </message>
    <message>
        <source>{why} (no readable Cisco text decides this for this service)</source>
        <translation>{why}（沒有可讀的 Cisco 文字為此服務決定此點）</translation>
    </message>
    <message>
        <source>the extended key usage suits {service}</source>
        <translation>延伸金鑰使用方法適用於 {service}</translation>
    </message>
    <message>
        <source>verifies against {roots}: {reason}</source>
        <translation>可依 {roots} 驗證：{reason}</translation>
    </message>
    <message>
        <source>does NOT verify against {roots}: {reason}</source>
        <translation>無法依 {roots} 驗證：{reason}</translation>
    </message>
    <message>
        <source>not checked against a trusted root (none given); the chain was only read</source>
        <translation>未依受信任的根 CA 檢查（未提供）；只讀取了憑證信任鏈</translation>
    </message>
    <message>
        <source>the chain ends at the server&apos;s root {root}, which is not in {roots}: the server&apos;s CA is not the one you trust (if it should be, add {root} to {roots})</source>
        <translation>憑證信任鏈止於伺服器自己的根 CA {root}，而它不在 {roots} 中：伺服器的 CA 不是您信任的那一個（若應信任，請將 {root} 加入 {roots}）</translation>
    </message>
    <message>
        <source>the server presents another certificate than {file} (serial {served}, expires {served_date}; the file: serial {serial}, expires {date}): the service still uses the old one; check its certs line and restart it</source>
        <translation>伺服器提供的憑證不是 {file}（序號 {served}，{served_date} 到期；檔案：序號 {serial}，{date} 到期）：服務仍在使用舊憑證；請檢查其 certs 指令並重新啟動服務</translation>
    </message>
    <message>
        <source>same certificate as {file}, but the chain differs (the server sends {served}, the file holds {count})</source>
        <translation>與 {file} 是同一張憑證，但憑證信任鏈不同（伺服器傳送 {served} 張，檔案有 {count} 張）</translation>
    </message>
    <message>
        <source>byte-identical to {file} ({count} certificate(s))</source>
        <translation>與 {file} 逐位元組相同（{count} 張憑證）</translation>
    </message>
    <message>
        <source>the server sent a certificate that cannot be read (damaged DER)</source>
        <translation>伺服器傳送了無法讀取的憑證（DER 已損壞）</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>伺服器沒有傳送憑證</translation>
    </message>
    <message>
        <source>the server asks for a client certificate (mutual TLS); its chain was read before that, none was sent</source>
        <translation>伺服器要求用戶端憑證（雙向 TLS）；在此之前已讀取其憑證信任鏈，未傳送任何憑證</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <source>reusing the name of a key that a CMS service is using breaks that service at once; choose a new basename, or replace the key only if it is not in use</source>
        <translation>沿用 CMS 服務正在使用的金鑰名稱會立即使該服務中斷；請選擇新的基本名稱，或僅在此金鑰未使用時才取代它</translation>
    </message>
    <message>
        <source>Andorra</source>
        <translation>安道爾</translation>
    </message>
    <message>
        <source>United Arab Emirates</source>
        <translation>阿拉伯聯合大公國</translation>
    </message>
    <message>
        <source>Afghanistan</source>
        <translation>阿富汗</translation>
    </message>
    <message>
        <source>Antigua and Barbuda</source>
        <translation>安地卡及巴布達</translation>
    </message>
    <message>
        <source>Anguilla</source>
        <translation>安圭拉</translation>
    </message>
    <message>
        <source>Albania</source>
        <translation>阿爾巴尼亞</translation>
    </message>
    <message>
        <source>Armenia</source>
        <translation>亞美尼亞</translation>
    </message>
    <message>
        <source>Angola</source>
        <translation>安哥拉</translation>
    </message>
    <message>
        <source>Antarctica</source>
        <translation>南極洲</translation>
    </message>
    <message>
        <source>Argentina</source>
        <translation>阿根廷</translation>
    </message>
    <message>
        <source>American Samoa</source>
        <translation>美屬薩摩亞</translation>
    </message>
    <message>
        <source>Austria</source>
        <translation>奧地利</translation>
    </message>
    <message>
        <source>Australia</source>
        <translation>澳洲</translation>
    </message>
    <message>
        <source>Aruba</source>
        <translation>阿魯巴</translation>
    </message>
    <message>
        <source>Åland Islands</source>
        <translation>奧蘭群島</translation>
    </message>
    <message>
        <source>Azerbaijan</source>
        <translation>亞塞拜然</translation>
    </message>
    <message>
        <source>Bosnia and Herzegovina</source>
        <translation>波士尼亞及赫塞哥維納</translation>
    </message>
    <message>
        <source>Barbados</source>
        <translation>巴貝多</translation>
    </message>
    <message>
        <source>Bangladesh</source>
        <translation>孟加拉</translation>
    </message>
    <message>
        <source>Belgium</source>
        <translation>比利時</translation>
    </message>
    <message>
        <source>Burkina Faso</source>
        <translation>布吉納法索</translation>
    </message>
    <message>
        <source>Bulgaria</source>
        <translation>保加利亞</translation>
    </message>
    <message>
        <source>Bahrain</source>
        <translation>巴林</translation>
    </message>
    <message>
        <source>Burundi</source>
        <translation>蒲隆地</translation>
    </message>
    <message>
        <source>Benin</source>
        <translation>貝南</translation>
    </message>
    <message>
        <source>Saint Barthélemy</source>
        <translation>聖巴瑟米</translation>
    </message>
    <message>
        <source>Bermuda</source>
        <translation>百慕達</translation>
    </message>
    <message>
        <source>Brunei Darussalam</source>
        <translation>汶萊</translation>
    </message>
    <message>
        <source>Bolivia</source>
        <translation>玻利維亞</translation>
    </message>
    <message>
        <source>Bonaire, Sint Eustatius and Saba</source>
        <translation>波內赫、聖尤斯特歇斯及薩巴</translation>
    </message>
    <message>
        <source>Brazil</source>
        <translation>巴西</translation>
    </message>
    <message>
        <source>Bahamas</source>
        <translation>巴哈馬</translation>
    </message>
    <message>
        <source>Bhutan</source>
        <translation>不丹</translation>
    </message>
    <message>
        <source>Bouvet Island</source>
        <translation>布威島</translation>
    </message>
    <message>
        <source>Botswana</source>
        <translation>波札那</translation>
    </message>
    <message>
        <source>Belarus</source>
        <translation>白俄羅斯</translation>
    </message>
    <message>
        <source>Belize</source>
        <translation>貝里斯</translation>
    </message>
    <message>
        <source>Canada</source>
        <translation>加拿大</translation>
    </message>
    <message>
        <source>Cocos (Keeling) Islands</source>
        <translation>科科斯 (基林) 群島</translation>
    </message>
    <message>
        <source>Congo (Democratic Republic)</source>
        <translation>剛果民主共和國</translation>
    </message>
    <message>
        <source>Central African Republic</source>
        <translation>中非共和國</translation>
    </message>
    <message>
        <source>Congo</source>
        <translation>剛果共和國</translation>
    </message>
    <message>
        <source>Switzerland</source>
        <translation>瑞士</translation>
    </message>
    <message>
        <source>Côte d&apos;Ivoire</source>
        <translation>象牙海岸</translation>
    </message>
    <message>
        <source>Cook Islands</source>
        <translation>庫克群島</translation>
    </message>
    <message>
        <source>Chile</source>
        <translation>智利</translation>
    </message>
    <message>
        <source>Cameroon</source>
        <translation>喀麥隆</translation>
    </message>
    <message>
        <source>China</source>
        <translation>中國大陸</translation>
    </message>
    <message>
        <source>Colombia</source>
        <translation>哥倫比亞</translation>
    </message>
    <message>
        <source>Costa Rica</source>
        <translation>哥斯大黎加</translation>
    </message>
    <message>
        <source>Cuba</source>
        <translation>古巴</translation>
    </message>
    <message>
        <source>Cabo Verde</source>
        <translation>維德角</translation>
    </message>
    <message>
        <source>Curaçao</source>
        <translation>古拉索</translation>
    </message>
    <message>
        <source>Christmas Island</source>
        <translation>聖誕島</translation>
    </message>
    <message>
        <source>Cyprus</source>
        <translation>賽普勒斯</translation>
    </message>
    <message>
        <source>Czechia</source>
        <translation>捷克</translation>
    </message>
    <message>
        <source>Germany</source>
        <translation>德國</translation>
    </message>
    <message>
        <source>Djibouti</source>
        <translation>吉布地</translation>
    </message>
    <message>
        <source>Denmark</source>
        <translation>丹麥</translation>
    </message>
    <message>
        <source>Dominica</source>
        <translation>多米尼克</translation>
    </message>
    <message>
        <source>Dominican Republic</source>
        <translation>多明尼加共和國</translation>
    </message>
    <message>
        <source>Algeria</source>
        <translation>阿爾及利亞</translation>
    </message>
    <message>
        <source>Ecuador</source>
        <translation>厄瓜多</translation>
    </message>
    <message>
        <source>Estonia</source>
        <translation>愛沙尼亞</translation>
    </message>
    <message>
        <source>Egypt</source>
        <translation>埃及</translation>
    </message>
    <message>
        <source>Western Sahara</source>
        <translation>西撒哈拉</translation>
    </message>
    <message>
        <source>Eritrea</source>
        <translation>厄利垂亞</translation>
    </message>
    <message>
        <source>Spain</source>
        <translation>西班牙</translation>
    </message>
    <message>
        <source>Ethiopia</source>
        <translation>衣索比亞</translation>
    </message>
    <message>
        <source>Finland</source>
        <translation>芬蘭</translation>
    </message>
    <message>
        <source>Fiji</source>
        <translation>斐濟</translation>
    </message>
    <message>
        <source>Falkland Islands</source>
        <translation>福克蘭群島 (馬維娜斯)</translation>
    </message>
    <message>
        <source>Micronesia</source>
        <translation>密克羅尼西亞</translation>
    </message>
    <message>
        <source>Faroe Islands</source>
        <translation>法羅群島</translation>
    </message>
    <message>
        <source>France</source>
        <translation>法國</translation>
    </message>
    <message>
        <source>Gabon</source>
        <translation>加彭</translation>
    </message>
    <message>
        <source>United Kingdom</source>
        <translation>英國</translation>
    </message>
    <message>
        <source>Grenada</source>
        <translation>格瑞那達</translation>
    </message>
    <message>
        <source>Georgia</source>
        <translation>喬治亞</translation>
    </message>
    <message>
        <source>French Guiana</source>
        <translation>法屬蓋亞那</translation>
    </message>
    <message>
        <source>Guernsey</source>
        <translation>根息島</translation>
    </message>
    <message>
        <source>Ghana</source>
        <translation>迦納</translation>
    </message>
    <message>
        <source>Gibraltar</source>
        <translation>直布羅陀</translation>
    </message>
    <message>
        <source>Greenland</source>
        <translation>格陵蘭</translation>
    </message>
    <message>
        <source>Gambia</source>
        <translation>甘比亞</translation>
    </message>
    <message>
        <source>Guinea</source>
        <translation>幾內亞</translation>
    </message>
    <message>
        <source>Guadeloupe</source>
        <translation>瓜地洛普</translation>
    </message>
    <message>
        <source>Equatorial Guinea</source>
        <translation>赤道幾內亞</translation>
    </message>
    <message>
        <source>Greece</source>
        <translation>希臘</translation>
    </message>
    <message>
        <source>South Georgia and the South Sandwich Islands</source>
        <translation>南喬治亞及南三明治群島</translation>
    </message>
    <message>
        <source>Guatemala</source>
        <translation>瓜地馬拉</translation>
    </message>
    <message>
        <source>Guam</source>
        <translation>關島</translation>
    </message>
    <message>
        <source>Guinea-Bissau</source>
        <translation>幾內亞比索</translation>
    </message>
    <message>
        <source>Guyana</source>
        <translation>蓋亞那</translation>
    </message>
    <message>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <source>Heard Island and McDonald Islands</source>
        <translation>赫德島及麥當勞群島</translation>
    </message>
    <message>
        <source>Honduras</source>
        <translation>宏都拉斯</translation>
    </message>
    <message>
        <source>Croatia</source>
        <translation>克羅埃西亞</translation>
    </message>
    <message>
        <source>Haiti</source>
        <translation>海地</translation>
    </message>
    <message>
        <source>Hungary</source>
        <translation>匈牙利</translation>
    </message>
    <message>
        <source>Indonesia</source>
        <translation>印尼</translation>
    </message>
    <message>
        <source>Ireland</source>
        <translation>愛爾蘭</translation>
    </message>
    <message>
        <source>Israel</source>
        <translation>以色列</translation>
    </message>
    <message>
        <source>Isle of Man</source>
        <translation>曼島</translation>
    </message>
    <message>
        <source>India</source>
        <translation>印度</translation>
    </message>
    <message>
        <source>British Indian Ocean Territory</source>
        <translation>英屬印度洋領地</translation>
    </message>
    <message>
        <source>Iraq</source>
        <translation>伊拉克</translation>
    </message>
    <message>
        <source>Iran</source>
        <translation>伊朗</translation>
    </message>
    <message>
        <source>Iceland</source>
        <translation>冰島</translation>
    </message>
    <message>
        <source>Italy</source>
        <translation>義大利</translation>
    </message>
    <message>
        <source>Jersey</source>
        <translation>澤西島</translation>
    </message>
    <message>
        <source>Jamaica</source>
        <translation>牙買加</translation>
    </message>
    <message>
        <source>Jordan</source>
        <translation>約旦</translation>
    </message>
    <message>
        <source>Japan</source>
        <translation>日本</translation>
    </message>
    <message>
        <source>Kenya</source>
        <translation>肯亞</translation>
    </message>
    <message>
        <source>Kyrgyzstan</source>
        <translation>吉爾吉斯</translation>
    </message>
    <message>
        <source>Cambodia</source>
        <translation>柬埔寨</translation>
    </message>
    <message>
        <source>Kiribati</source>
        <translation>吉里巴斯</translation>
    </message>
    <message>
        <source>Comoros</source>
        <translation>葛摩</translation>
    </message>
    <message>
        <source>Saint Kitts and Nevis</source>
        <translation>聖克里斯多福及尼維斯</translation>
    </message>
    <message>
        <source>Korea (Democratic People&apos;s Republic)</source>
        <translation>北韓</translation>
    </message>
    <message>
        <source>Korea (Republic)</source>
        <translation>南韓</translation>
    </message>
    <message>
        <source>Kuwait</source>
        <translation>科威特</translation>
    </message>
    <message>
        <source>Cayman Islands</source>
        <translation>開曼群島</translation>
    </message>
    <message>
        <source>Kazakhstan</source>
        <translation>哈薩克</translation>
    </message>
    <message>
        <source>Lao People&apos;s Democratic Republic</source>
        <translation>寮國</translation>
    </message>
    <message>
        <source>Lebanon</source>
        <translation>黎巴嫩</translation>
    </message>
    <message>
        <source>Saint Lucia</source>
        <translation>聖露西亞</translation>
    </message>
    <message>
        <source>Liechtenstein</source>
        <translation>列支敦斯登</translation>
    </message>
    <message>
        <source>Sri Lanka</source>
        <translation>斯里蘭卡</translation>
    </message>
    <message>
        <source>Liberia</source>
        <translation>賴比瑞亞</translation>
    </message>
    <message>
        <source>Lesotho</source>
        <translation>賴索托</translation>
    </message>
    <message>
        <source>Lithuania</source>
        <translation>立陶宛</translation>
    </message>
    <message>
        <source>Luxembourg</source>
        <translation>盧森堡</translation>
    </message>
    <message>
        <source>Latvia</source>
        <translation>拉脫維亞</translation>
    </message>
    <message>
        <source>Libya</source>
        <translation>利比亞</translation>
    </message>
    <message>
        <source>Morocco</source>
        <translation>摩洛哥</translation>
    </message>
    <message>
        <source>Monaco</source>
        <translation>摩納哥</translation>
    </message>
    <message>
        <source>Moldova</source>
        <translation>摩爾多瓦</translation>
    </message>
    <message>
        <source>Montenegro</source>
        <translation>蒙特內哥羅</translation>
    </message>
    <message>
        <source>Saint Martin</source>
        <translation>聖馬丁 (法屬)</translation>
    </message>
    <message>
        <source>Madagascar</source>
        <translation>馬達加斯加</translation>
    </message>
    <message>
        <source>Marshall Islands</source>
        <translation>馬紹爾群島</translation>
    </message>
    <message>
        <source>North Macedonia</source>
        <translation>北馬其頓</translation>
    </message>
    <message>
        <source>Mali</source>
        <translation>馬利</translation>
    </message>
    <message>
        <source>Myanmar</source>
        <translation>緬甸</translation>
    </message>
    <message>
        <source>Mongolia</source>
        <translation>蒙古</translation>
    </message>
    <message>
        <source>Macao</source>
        <translation>澳門</translation>
    </message>
    <message>
        <source>Northern Mariana Islands</source>
        <translation>北馬里亞納群島</translation>
    </message>
    <message>
        <source>Martinique</source>
        <translation>馬丁尼克</translation>
    </message>
    <message>
        <source>Mauritania</source>
        <translation>茅利塔尼亞</translation>
    </message>
    <message>
        <source>Montserrat</source>
        <translation>蒙塞拉特島</translation>
    </message>
    <message>
        <source>Malta</source>
        <translation>馬爾他</translation>
    </message>
    <message>
        <source>Mauritius</source>
        <translation>模里西斯</translation>
    </message>
    <message>
        <source>Maldives</source>
        <translation>馬爾地夫</translation>
    </message>
    <message>
        <source>Malawi</source>
        <translation>馬拉威</translation>
    </message>
    <message>
        <source>Mexico</source>
        <translation>墨西哥</translation>
    </message>
    <message>
        <source>Malaysia</source>
        <translation>馬來西亞</translation>
    </message>
    <message>
        <source>Mozambique</source>
        <translation>莫三比克</translation>
    </message>
    <message>
        <source>Namibia</source>
        <translation>納米比亞</translation>
    </message>
    <message>
        <source>New Caledonia</source>
        <translation>新喀里多尼亞</translation>
    </message>
    <message>
        <source>Niger</source>
        <translation>尼日</translation>
    </message>
    <message>
        <source>Norfolk Island</source>
        <translation>諾福克島</translation>
    </message>
    <message>
        <source>Nigeria</source>
        <translation>奈及利亞</translation>
    </message>
    <message>
        <source>Nicaragua</source>
        <translation>尼加拉瓜</translation>
    </message>
    <message>
        <source>Netherlands</source>
        <translation>荷蘭</translation>
    </message>
    <message>
        <source>Norway</source>
        <translation>挪威</translation>
    </message>
    <message>
        <source>Nepal</source>
        <translation>尼泊爾</translation>
    </message>
    <message>
        <source>Nauru</source>
        <translation>諾魯</translation>
    </message>
    <message>
        <source>Niue</source>
        <translation>紐埃</translation>
    </message>
    <message>
        <source>New Zealand</source>
        <translation>紐西蘭</translation>
    </message>
    <message>
        <source>Oman</source>
        <translation>阿曼</translation>
    </message>
    <message>
        <source>Panama</source>
        <translation>巴拿馬</translation>
    </message>
    <message>
        <source>Peru</source>
        <translation>祕魯</translation>
    </message>
    <message>
        <source>French Polynesia</source>
        <translation>法屬玻里尼西亞</translation>
    </message>
    <message>
        <source>Papua New Guinea</source>
        <translation>巴布亞紐幾內亞</translation>
    </message>
    <message>
        <source>Philippines</source>
        <translation>菲律賓</translation>
    </message>
    <message>
        <source>Pakistan</source>
        <translation>巴基斯坦</translation>
    </message>
    <message>
        <source>Poland</source>
        <translation>波蘭</translation>
    </message>
    <message>
        <source>Saint Pierre and Miquelon</source>
        <translation>聖皮耶及密克隆群島</translation>
    </message>
    <message>
        <source>Pitcairn</source>
        <translation>皮特肯島</translation>
    </message>
    <message>
        <source>Puerto Rico</source>
        <translation>波多黎各</translation>
    </message>
    <message>
        <source>Palestine</source>
        <translation>巴勒斯坦</translation>
    </message>
    <message>
        <source>Portugal</source>
        <translation>葡萄牙</translation>
    </message>
    <message>
        <source>Palau</source>
        <translation>帛琉</translation>
    </message>
    <message>
        <source>Paraguay</source>
        <translation>巴拉圭</translation>
    </message>
    <message>
        <source>Qatar</source>
        <translation>卡達</translation>
    </message>
    <message>
        <source>Réunion</source>
        <translation>留尼旺島</translation>
    </message>
    <message>
        <source>Romania</source>
        <translation>羅馬尼亞</translation>
    </message>
    <message>
        <source>Serbia</source>
        <translation>塞爾維亞</translation>
    </message>
    <message>
        <source>Russian Federation</source>
        <translation>俄羅斯</translation>
    </message>
    <message>
        <source>Rwanda</source>
        <translation>盧安達</translation>
    </message>
    <message>
        <source>Saudi Arabia</source>
        <translation>沙烏地阿拉伯</translation>
    </message>
    <message>
        <source>Solomon Islands</source>
        <translation>索羅門群島</translation>
    </message>
    <message>
        <source>Seychelles</source>
        <translation>塞席爾</translation>
    </message>
    <message>
        <source>Sudan</source>
        <translation>蘇丹</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>瑞典</translation>
    </message>
    <message>
        <source>Singapore</source>
        <translation>新加坡</translation>
    </message>
    <message>
        <source>Saint Helena, Ascension and Tristan da Cunha</source>
        <translation>聖赫倫那島、阿森松島及崔斯坦達庫尼亞群島</translation>
    </message>
    <message>
        <source>Slovenia</source>
        <translation>斯洛維尼亞</translation>
    </message>
    <message>
        <source>Svalbard and Jan Mayen</source>
        <translation>冷岸群島及央棉</translation>
    </message>
    <message>
        <source>Slovakia</source>
        <translation>斯洛伐克</translation>
    </message>
    <message>
        <source>Sierra Leone</source>
        <translation>獅子山</translation>
    </message>
    <message>
        <source>San Marino</source>
        <translation>聖馬利諾</translation>
    </message>
    <message>
        <source>Senegal</source>
        <translation>塞內加爾</translation>
    </message>
    <message>
        <source>Somalia</source>
        <translation>索馬利亞</translation>
    </message>
    <message>
        <source>Suriname</source>
        <translation>蘇利南</translation>
    </message>
    <message>
        <source>South Sudan</source>
        <translation>南蘇丹</translation>
    </message>
    <message>
        <source>Sao Tome and Principe</source>
        <translation>聖多美及普林西比</translation>
    </message>
    <message>
        <source>El Salvador</source>
        <translation>薩爾瓦多</translation>
    </message>
    <message>
        <source>Sint Maarten</source>
        <translation>聖馬丁 (荷屬)</translation>
    </message>
    <message>
        <source>Syrian Arab Republic</source>
        <translation>敘利亞</translation>
    </message>
    <message>
        <source>Eswatini</source>
        <translation>史瓦帝尼</translation>
    </message>
    <message>
        <source>Turks and Caicos Islands</source>
        <translation>土克凱可群島</translation>
    </message>
    <message>
        <source>Chad</source>
        <translation>查德</translation>
    </message>
    <message>
        <source>French Southern Territories</source>
        <translation>法屬南部領地</translation>
    </message>
    <message>
        <source>Togo</source>
        <translation>多哥</translation>
    </message>
    <message>
        <source>Thailand</source>
        <translation>泰國</translation>
    </message>
    <message>
        <source>Tajikistan</source>
        <translation>塔吉克</translation>
    </message>
    <message>
        <source>Tokelau</source>
        <translation>托克勞</translation>
    </message>
    <message>
        <source>Timor-Leste</source>
        <translation>東帝汶</translation>
    </message>
    <message>
        <source>Turkmenistan</source>
        <translation>土庫曼</translation>
    </message>
    <message>
        <source>Tunisia</source>
        <translation>突尼西亞</translation>
    </message>
    <message>
        <source>Tonga</source>
        <translation>東加</translation>
    </message>
    <message>
        <source>Türkiye</source>
        <translation>土耳其</translation>
    </message>
    <message>
        <source>Trinidad and Tobago</source>
        <translation>千里達及托巴哥</translation>
    </message>
    <message>
        <source>Tuvalu</source>
        <translation>吐瓦魯</translation>
    </message>
    <message>
        <source>Taiwan</source>
        <translation>臺灣</translation>
    </message>
    <message>
        <source>Tanzania</source>
        <translation>坦尚尼亞</translation>
    </message>
    <message>
        <source>Ukraine</source>
        <translation>烏克蘭</translation>
    </message>
    <message>
        <source>Uganda</source>
        <translation>烏干達</translation>
    </message>
    <message>
        <source>United States Minor Outlying Islands</source>
        <translation>美屬邊疆群島</translation>
    </message>
    <message>
        <source>United States</source>
        <translation>美國</translation>
    </message>
    <message>
        <source>Uruguay</source>
        <translation>烏拉圭</translation>
    </message>
    <message>
        <source>Uzbekistan</source>
        <translation>烏茲別克</translation>
    </message>
    <message>
        <source>Holy See</source>
        <translation>教廷 (梵蒂岡城市國)</translation>
    </message>
    <message>
        <source>Saint Vincent and the Grenadines</source>
        <translation>聖文森及格瑞納丁</translation>
    </message>
    <message>
        <source>Venezuela</source>
        <translation>委內瑞拉</translation>
    </message>
    <message>
        <source>Virgin Islands (British)</source>
        <translation>英屬維京群島</translation>
    </message>
    <message>
        <source>Virgin Islands (U.S.)</source>
        <translation>美屬維京群島</translation>
    </message>
    <message>
        <source>Viet Nam</source>
        <translation>越南</translation>
    </message>
    <message>
        <source>Vanuatu</source>
        <translation>萬那杜</translation>
    </message>
    <message>
        <source>Wallis and Futuna</source>
        <translation>沃里斯及伏塔那群島</translation>
    </message>
    <message>
        <source>Samoa</source>
        <translation>薩摩亞</translation>
    </message>
    <message>
        <source>Yemen</source>
        <translation>葉門</translation>
    </message>
    <message>
        <source>Mayotte</source>
        <translation>馬約特</translation>
    </message>
    <message>
        <source>South Africa</source>
        <translation>南非</translation>
    </message>
    <message>
        <source>Zambia</source>
        <translation>尚比亞</translation>
    </message>
    <message>
        <source>Zimbabwe</source>
        <translation>辛巴威</translation>
    </message>
    <message>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <source>basename</source>
        <translation>基本名稱</translation>
    </message>
    <message>
        <source>common name (CN)</source>
        <translation>一般名稱 (CN)</translation>
    </message>
    <message>
        <source>organizational unit (OU)</source>
        <translation>組織單位 (OU)</translation>
    </message>
    <message>
        <source>organization (O)</source>
        <translation>組織 (O)</translation>
    </message>
    <message>
        <source>locality (L)</source>
        <translation>地區 (L)</translation>
    </message>
    <message>
        <source>state or province (ST)</source>
        <translation>省/州 (ST)</translation>
    </message>
    <message>
        <source>country (C)</source>
        <translation>國家/地區 (C)</translation>
    </message>
    <message>
        <source>subject alternative names</source>
        <translation>主體別名 (SAN)</translation>
    </message>
    <message>
        <source>key type</source>
        <translation>金鑰類型</translation>
    </message>
    <message>
        <source>server FQDNs</source>
        <translation>伺服器 FQDN</translation>
    </message>
    <message>
        <source>edge server FQDNs</source>
        <translation>邊緣伺服器 FQDN</translation>
    </message>
    <message>
        <source>join URL host</source>
        <translation>加入 URL 主機</translation>
    </message>
    <message>
        <source>XMPP domain</source>
        <translation>XMPP 網域</translation>
    </message>
    <message>
        <source>CA domain</source>
        <translation>CA 網域</translation>
    </message>
    <message>
        <source>primary core</source>
        <translation>主要核心</translation>
    </message>
    <message>
        <source>other database cores</source>
        <translation>其他資料庫核心</translation>
    </message>
    <message>
        <source>connect-only cores</source>
        <translation>僅連線的核心</translation>
    </message>
    <message>
        <source>files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>The same, typed on the primary&apos;s MMP:</source>
        <translation>同樣的步驟，在主要節點的 MMP 上輸入：</translation>
    </message>
    <message>
        <source>{name} ({fs}, {size} free) — {root}</source>
        <translation>{name}（{fs}，可用 {size}）— {root}</translation>
    </message>
    <message>
        <source>{file} holds only the {service} certificate, not its chain; {service} needs the full chain (certificate, intermediates, root): build the full chain first</source>
        <translation>{file} 只有 {service} 的憑證，沒有它的憑證信任鏈；{service} 需要完整憑證信任鏈（憑證、中繼 CA、根 CA）：請先建立完整憑證信任鏈</translation>
    </message>
    <message>
        <source>{file} starts with a CA certificate ({cn}), not the {service} certificate: build the full chain first (certificate, intermediates, root)</source>
        <translation>{file} 的第一張是 CA 憑證（{cn}），不是 {service} 的憑證：請先建立完整憑證信任鏈（憑證、中繼 CA、根 CA）</translation>
    </message>
    <message>
        <source>{file} is not the full chain {service} needs: the certificate of {name} is missing; build the full chain first</source>
        <translation>{file} 不是 {service} 需要的完整憑證信任鏈：缺少 {name} 的憑證；請先建立完整憑證信任鏈</translation>
    </message>
    <message>
        <source>{key} is not the key of {file}: {service} would refuse the pair; choose the certificate issued for this key, or the key it was issued for</source>
        <translation>{key} 不是 {file} 的金鑰：{service} 會拒絕這一組；請選擇為此金鑰簽發的憑證，或該憑證所屬的金鑰</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>唯讀</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>change</source>
        <translation>變更</translation>
    </message>
    <message>
        <source>restart</source>
        <translation>重新啟動</translation>
    </message>
    <message>
        <source>asks a question: type it yourself</source>
        <translation>會提出問題：請自行輸入</translation>
    </message>
    <message>
        <source>not a command cmswizard prints</source>
        <translation>不是 cmswizard 產生的指令</translation>
    </message>
    <message>
        <source>the server answered: {answer}</source>
        <translation>伺服器回應：{answer}</translation>
    </message>
    <message>
        <source>no SUCCESS line in the answer: the check did not say it passed</source>
        <translation>回應中沒有 SUCCESS 行：檢查並未表示通過</translation>
    </message>
    <message>
        <source>an answer cmswizard cannot read (neither SUCCESS nor FAILURE): {answer}</source>
        <translation>cmswizard 無法判讀的回應（既非 SUCCESS 也非 FAILURE）：{answer}</translation>
    </message>
    <message>
        <source>has no section in this sheet (# ===== &lt;node&gt; (…) =====); check the name</source>
        <translation>在此指令表中沒有對應段落（# ===== &lt;node&gt; (…) =====）；請檢查名稱</translation>
    </message>
    <message>
        <source>{setting}: its earlier value could not be read</source>
        <translation>{setting}：無法讀取其先前的值</translation>
    </message>
    <message>
        <source>{setting}: was not set before; no documented command unsets it</source>
        <translation>{setting}：先前未設定；沒有文件記載的指令可以取消設定</translation>
    </message>
    <message>
        <source>{value}: write it as HH:MM-HH:MM (UTC), optionally after the days it may start on: Sat 02:00-04:00, Mon-Fri 22:00-02:00</source>
        <translation>{value}：請寫成 HH:MM-HH:MM（UTC），前面可加上可開始的星期：Sat 02:00-04:00、Mon-Fri 22:00-02:00</translation>
    </message>
    <message>
        <source>{value}: hours 0-23, minutes 0-59</source>
        <translation>{value}：小時 0-23，分鐘 0-59</translation>
    </message>
    <message>
        <source>{value}: write ENDPOINT=PORT; the endpoints are: {choices}</source>
        <translation>{value}：請寫成 ENDPOINT=PORT；端點可為：{choices}</translation>
    </message>
    <message>
        <source>the API of {host} did not answer within {seconds} s</source>
        <translation>{host} 的 API 未在 {seconds} 秒內回應</translation>
    </message>
    <message>
        <source>the API of {host} could not be read: {p}</source>
        <translation>無法讀取 {host} 的 API：{p}</translation>
    </message>
    <message>
        <source>the API of {host} answered HTTP {status}</source>
        <translation>{host} 的 API 回應 HTTP {status}</translation>
    </message>
    <message>
        <source>the API of {host} answered more than 64 KiB</source>
        <translation>{host} 的 API 回應超過 64 KiB</translation>
    </message>
    <message>
        <source>the API of {host} answered without callLegsActive</source>
        <translation>{host} 的 API 回應中沒有 callLegsActive</translation>
    </message>
    <message>
        <source>no local copy of the certificate to compare</source>
        <translation>沒有可供比對的憑證本機複本</translation>
    </message>
    <message>
        <source>{line} changed a setting the probe cannot see</source>
        <translation>{line} 變更了探測無法看到的設定</translation>
    </message>
    <message>
        <source>what the node serves could not be compared</source>
        <translation>無法比對節點所提供的憑證</translation>
    </message>
    <message>
        <source>the node already serves the expected certificate</source>
        <translation>節點已提供預期的憑證</translation>
    </message>
    <message>
        <source>the node does not serve the expected certificate yet</source>
        <translation>節點尚未提供預期的憑證</translation>
    </message>
    <message>
        <source>{count} call legs are active (the plan&apos;s limit is {limit})</source>
        <translation>目前有 {count} 個通話線路（call leg）進行中（計畫的上限為 {limit}）</translation>
    </message>
    <message>
        <source>inside the restart window {window}</source>
        <translation>在重新啟動時段 {window} 內</translation>
    </message>
    <message>
        <source>outside the restart window {window}</source>
        <translation>不在重新啟動時段 {window} 內</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>已確認</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未確認</translation>
    </message>
    <message>
        <source>after database cluster initialize the status must show this node as (me): Connected Primary</source>
        <translation>執行 database cluster initialize 後，狀態必須顯示此節點為 (me): Connected Primary</translation>
    </message>
    <message>
        <source>{node}, line {number} `{line}`: {why}</source>
        <translation>{node}，第 {number} 行 `{line}`：{why}</translation>
    </message>
    <message>
        <source>stopped by you before this line</source>
        <translation>您在此行之前停止</translation>
    </message>
    <message>
        <source>this node is already the database primary ((me): Connected Primary); initialize is not repeated</source>
        <translation>此節點已是資料庫主要節點（(me): Connected Primary）；不會重複執行 initialize</translation>
    </message>
    <message>
        <source>{node}: {why}</source>
        <translation>{node}：{why}</translation>
    </message>
    <message>
        <source>{node}, reading its state: {why}</source>
        <translation>{node}，讀取狀態時：{why}</translation>
    </message>
    <message>
        <source>{node}: `{line}` is not sent: database cluster status already lists this node ((me): {role}), and joining again overwrites its database; if it must join again, check the status and type it yourself. Nothing was changed on this node.</source>
        <translation>{node}：未送出 `{line}`：database cluster status 已列出此節點（(me): {role}），再次加入會覆寫它的資料庫；若確實必須重新加入，請先檢查狀態再自行輸入。此節點未做任何變更。</translation>
    </message>
    <message>
        <source>it asks a question; type it yourself at the MMP prompt and answer it there</source>
        <translation>它會提出問題；請自行在 MMP 提示字元輸入並在那裡回答</translation>
    </message>
    <message>
        <source>it is not a command cmswizard prints; check it and type it yourself</source>
        <translation>它不是 cmswizard 產生的指令；請檢查後自行輸入</translation>
    </message>
    <message>
        <source>{node}: `{line}` is never sent by cmswizard: {why}. Nothing was changed on this node.</source>
        <translation>{node}：cmswizard 絕不會送出 `{line}`：{why}。此節點未做任何變更。</translation>
    </message>
    <message>
        <source>{node}: the current value of `{line}` could not be read from the status commands, so it could not be put back; nothing was changed (cmswizard mmp check shows what the node printed)</source>
        <translation>{node}：無法從狀態指令讀取 `{line}` 目前的值，因此無法復原；未做任何變更（cmswizard mmp check 會顯示節點的輸出）</translation>
    </message>
    <message>
        <source>Type each node&apos;s commands at its MMP over SSH: the node&apos;s state is read and recorded first, every change is shown and confirmed per node, every restart separately, and the run stops at the first FAILURE or answer it cannot read.</source>
        <translation>透過 SSH 在每個節點的 MMP 上輸入其指令：先讀取並記錄節點的狀態，每項變更都會顯示並逐節點確認，每次重新啟動另外確認；遇到第一個 FAILURE 或無法判讀的回應即停止。</translation>
    </message>
    <message>
        <source>Commands that ask a question (database cluster remove, user …) are never sent: type them yourself. After a stop, Put back types the settings recorded before the run.</source>
        <translation>會提出問題的指令（database cluster remove、user …）一律不會送出：請自行輸入。停止後，「復原」會輸入執行前記錄的設定。</translation>
    </message>
    <message>
        <source>The server&apos;s host key is checked before the password is sent, as for the upload.</source>
        <translation>與上傳相同，送出密碼前會先檢查伺服器的主機金鑰。</translation>
    </message>
    <message>
        <source>A restart runs only when the node does not already serve the new certificate; calls in progress may drop, so it is confirmed each time or runs only inside the window you give.</source>
        <translation>只有在節點尚未提供新憑證時才會重新啟動；進行中的通話可能中斷，因此每次都需確認，或只在您指定的時段內執行。</translation>
    </message>
    <message>
        <source>no certificate yet</source>
        <translation>尚無憑證</translation>
    </message>
    <message>
        <source>the CA&apos;s renewal window (ARI) has opened</source>
        <translation>CA 的更新時段（ARI）已開始</translation>
    </message>
    <message>
        <source>due since {date}</source>
        <translation>自 {date} 起到期</translation>
    </message>
    <message>
        <source>valid until {date}, due {due}</source>
        <translation>有效至 {date}，{due} 到期更新</translation>
    </message>
    <message>
        <source>stopped at {step}</source>
        <translation>停在 {step}</translation>
    </message>
    <message>
        <source>nothing to deploy</source>
        <translation>沒有需要部署的項目</translation>
    </message>
    <message>
        <source>{why}; not deployed yet</source>
        <translation>{why}；尚未部署</translation>
    </message>
    <message>
        <source>due ({why}): a run would renew it now</source>
        <translation>已到期（{why}）：執行時會立即進行憑證更新</translation>
    </message>
    <message>
        <source>a run would go on from {step}</source>
        <translation>執行時會從 {step} 繼續</translation>
    </message>
    <message>
        <source>issuing stopped at {step}; run without --deploy-only</source>
        <translation>簽發停在 {step}；請不加 --deploy-only 執行</translation>
    </message>
    <message>
        <source>issued and bundled as {name}</source>
        <translation>已簽發並組成憑證組合：{name}</translation>
    </message>
    <message>
        <source>at {step}</source>
        <translation>位於 {step}</translation>
    </message>
    <message>
        <source>request it by hand: cmswizard plan apply (issuer {issuer})</source>
        <translation>請以人工方式申請：cmswizard plan apply（簽發者 {issuer}）</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>{date} 到期</translation>
    </message>
    <message>
        <source>renew it by hand (issuer {issuer}): cmswizard renew spec {file}</source>
        <translation>請以人工方式進行憑證更新（簽發者 {issuer}）：cmswizard renew spec {file}</translation>
    </message>
    <message>
        <source>valid until {date} (renewed by hand)</source>
        <translation>有效至 {date}（以人工方式更新）</translation>
    </message>
    <message>
        <source>deploy {name} ({services}): upload {files} to {nodes} (cmswizard upload), then type the replacement commands (cmswizard renew sheet)</source>
        <translation>部署 {name}（{services}）：將 {files} 上傳到 {nodes}（cmswizard upload），再輸入替換指令（cmswizard renew sheet）</translation>
    </message>
    <message>
        <source>uploaded; the MMP lines need a person</source>
        <translation>已上傳；MMP 指令需要人員處理</translation>
    </message>
    <message>
        <source>assigned; not seen on the ports yet</source>
        <translation>已指派；連接埠上尚未看到</translation>
    </message>
    <message>
        <source>deployed as {name} and seen on every port</source>
        <translation>已部署為 {name}，每個連接埠都看得到</translation>
    </message>
    <message>
        <source>is protected by a passphrase; give it with --password-file</source>
        <translation>受密碼短語保護；請以 --password-file 提供</translation>
    </message>
    <message>
        <source>is not encrypted; leave the passphrase out</source>
        <translation>未加密；請不要提供密碼短語</translation>
    </message>
    <message>
        <source>wrong passphrase for this SSH key</source>
        <translation>此 SSH 金鑰的密碼短語錯誤</translation>
    </message>
    <message>
        <source>is not an SSH private key (OpenSSH or PEM RSA, ECDSA, Ed25519)</source>
        <translation>不是 SSH 私密金鑰（OpenSSH 或 PEM 格式的 RSA、ECDSA、Ed25519）</translation>
    </message>
    <message>
        <source>is not an SSH private key: {p}</source>
        <translation>不是 SSH 私密金鑰：{p}</translation>
    </message>
    <message>
        <source>holds a key type SSH logins do not use; use an Ed25519, ECDSA or RSA key</source>
        <translation>含有 SSH 登入不使用的金鑰類型；請使用 Ed25519、ECDSA 或 RSA 金鑰</translation>
    </message>
    <message>
        <source>{host} port {port} did not finish its SSH greeting within {seconds} s (a stalling server?)</source>
        <translation>{host} 連接埠 {port} 在 {seconds} 秒內沒有完成 SSH 問候（伺服器拖延？）</translation>
    </message>
    <message>
        <source>{host} port {port} sent no SSH greeting within {seconds} s; is it an SSH server?</source>
        <translation>{host} 連接埠 {port} 在 {seconds} 秒內沒有送出 SSH 問候；它是 SSH 伺服器嗎？</translation>
    </message>
    <message>
        <source>{host} port {port} is not an SSH server (it answered: {answer}); check the address and port</source>
        <translation>{host} 連接埠 {port} 不是 SSH 伺服器（它回應：{answer}）；請檢查位址與連接埠</translation>
    </message>
    <message>
        <source>{host} port {port} stopped answering during the SSH handshake (waited {seconds} s)</source>
        <translation>{host} 連接埠 {port} 在 SSH 交握期間停止回應（已等待 {seconds} 秒）</translation>
    </message>
    <message>
        <source>the SSH handshake with {host} port {port} failed: {p}</source>
        <translation>與 {host} 連接埠 {port} 的 SSH 交握失敗：{p}</translation>
    </message>
    <message>
        <source>ACME: cannot read the directory {url} ({reason})</source>
        <translation>ACME：無法讀取目錄 {url}（{reason}）</translation>
    </message>
    <message>
        <source>ACME: the CA refused the order: {problem}</source>
        <translation>ACME：CA 拒絕了訂單：{problem}</translation>
    </message>
    <message>
        <source>ACME: the CA could not validate {names}</source>
        <translation>ACME：CA 無法驗證 {names}</translation>
    </message>
    <message>
        <source>ACME: the CA refused to issue: {problem}</source>
        <translation>ACME：CA 拒絕簽發：{problem}</translation>
    </message>
    <message>
        <source>DNS: no zone found for {name} ({kind})</source>
        <translation>DNS：找不到 {name} 所屬的區域（{kind}）</translation>
    </message>
    <message>
        <source>DNS: {where} refused the TSIG signature of {key} ({kind}): the key name or secret does not match the server&apos;s</source>
        <translation>DNS：{where} 拒絕了 {key} 的 TSIG 簽章（{kind}）：金鑰名稱或密鑰與伺服器上的不符</translation>
    </message>
    <message>
        <source>the server refused the update (its update-policy does not grant this key TXT records here)</source>
        <translation>伺服器拒絕了更新（其 update-policy 未授權此金鑰在此處修改 TXT 記錄）</translation>
    </message>
    <message>
        <source>the server does not accept this TSIG key (unknown key name or wrong secret) or is not authoritative for the zone</source>
        <translation>伺服器不接受此 TSIG 金鑰（金鑰名稱不明或密鑰錯誤），或不是該區域的權威伺服器</translation>
    </message>
    <message>
        <source>{owner} is not in the zone {zone}</source>
        <translation>{owner} 不在區域 {zone} 中</translation>
    </message>
    <message>
        <source>the server failed (see its log)</source>
        <translation>伺服器發生錯誤（請查看其記錄檔）</translation>
    </message>
    <message>
        <source>the server said no</source>
        <translation>伺服器拒絕了</translation>
    </message>
    <message>
        <source>DNS: adding TXT {owner} at {where}: {code}, {why}</source>
        <translation>DNS：在 {where} 新增 TXT {owner}：{code}，{why}</translation>
    </message>
    <message>
        <source>DNS: removing TXT {owner} at {where}: {code}, {why}</source>
        <translation>DNS：在 {where} 移除 TXT {owner}：{code}，{why}</translation>
    </message>
    <message>
        <source>DNS: TXT {owner} not visible on {host} ({address}) after {seconds} s</source>
        <translation>DNS：{seconds} 秒後在 {host}（{address}）上仍看不到 TXT {owner}</translation>
    </message>
    <message>
        <source>DNS: TXT {owner} still visible on {host} ({address}) after {seconds} s</source>
        <translation>DNS：{seconds} 秒後在 {host}（{address}）上仍看得到 TXT {owner}</translation>
    </message>
    <message>
        <source>is empty; put the API user&apos;s password in it</source>
        <translation>是空的；請把 API 使用者的密碼放進去</translation>
    </message>
    <message>
        <source>{value}: give 0 or more active call legs</source>
        <translation>{value}：請提供 0 或更多的進行中通話線路</translation>
    </message>
    <message>
        <source>write the API user&apos;s name only (no spaces around it, no colon)</source>
        <translation>只寫 API 使用者名稱（前後不可有空格，不可有冒號）</translation>
    </message>
    <message>
        <source>name the API user the other api_ settings are for</source>
        <translation>請指定其他 api_ 設定所屬的 API 使用者</translation>
    </message>
    <message>
        <source>needs api_user: the active call legs are read through the API</source>
        <translation>需要 api_user：進行中通話線路是透過 API 讀取的</translation>
    </message>
    <message>
        <source>name a CA file in the plan&apos;s folder</source>
        <translation>請指定計畫資料夾中的 CA 檔案</translation>
    </message>
    <message>
        <source>a plan may name only keyring entries of the service cmswizard (keyring:cmswizard/&lt;name&gt;): the password is sent to the servers the plan names</source>
        <translation>計畫只能指定服務名稱為 cmswizard 的 keyring 項目（keyring:cmswizard/&lt;name&gt;）：此密碼會傳送到計畫所列的伺服器</translation>
    </message>
    <message>
        <source>name a 0600 file in the plan&apos;s folder (a plain file name, no path) or keyring:cmswizard/&lt;name&gt;: the password is sent to the servers the plan names</source>
        <translation>請指定計畫資料夾中權限 0600 的檔案（單純的檔名，不含路徑）或 keyring:cmswizard/&lt;name&gt;：此密碼會傳送到計畫所列的伺服器</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <source>Apply on the server</source>
        <translation>在伺服器上套用</translation>
    </message>
    <message>
        <source>Type each node&apos;s commands at its MMP over SSH. The state is read first; you confirm each node&apos;s changes and each restart. Next: copy to a USB stick instead.</source>
        <translation>透過 SSH 在每個節點的 MMP 上輸入其指令。會先讀取狀態；每個節點的變更與每次重新啟動都由您確認。下一步：改為複製到 USB 隨身碟。</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>套用</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Host key fingerprint</source>
        <translation>主機金鑰指紋</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Nodes to apply the commands on</source>
        <translation>要套用指令的節點</translation>
    </message>
    <message>
        <source>MMP password</source>
        <translation>MMP 密碼</translation>
    </message>
    <message>
        <source>SSH key file</source>
        <translation>SSH 金鑰檔案</translation>
    </message>
    <message>
        <source>optional: log in with an SSH key instead</source>
        <translation>選用：改以 SSH 金鑰登入</translation>
    </message>
    <message>
        <source>Restart window</source>
        <translation>重新啟動時段</translation>
    </message>
    <message>
        <source>API user</source>
        <translation>API 使用者</translation>
    </message>
    <message>
        <source>optional: a CMS API user; restarts wait while more calls than the limit are active</source>
        <translation>選用：CMS API 使用者；進行中的通話多於上限時，重新啟動會延後</translation>
    </message>
    <message>
        <source>API password</source>
        <translation>API 密碼</translation>
    </message>
    <message>
        <source>API port (Web Admin)</source>
        <translation>API 連接埠（Web Admin）</translation>
    </message>
    <message>
        <source>auto</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Empty: the Web Admin port each node&apos;s lines set (webadmin listen), else 443</source>
        <translation>留空：使用各節點指令中設定的 Web Admin 連接埠（webadmin listen），否則為 443</translation>
    </message>
    <message>
        <source>Most active call legs for a restart</source>
        <translation>重新啟動時允許的最多進行中通話線路</translation>
    </message>
    <message>
        <source>CA bundle of the Web Admin certificate</source>
        <translation>Web Admin 憑證的 CA 憑證套件組合</translation>
    </message>
    <message>
        <source>optional: the CA bundle file (default: the system&apos;s CAs)</source>
        <translation>選用：CA 憑證套件組合檔案（預設：系統的 CA）</translation>
    </message>
    <message>
        <source>&amp;Only read the state and show what would change</source>
        <translation>只讀取狀態並顯示將會變更的項目(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>套用(&amp;A)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>P&amp;ut back</source>
        <translation>復原(&amp;U)</translation>
    </message>
    <message>
        <source>Type the settings recorded before this run on the nodes it changed</source>
        <translation>在此次變更過的節點上輸入執行前記錄的設定</translation>
    </message>
    <message>
        <source>&amp;Yes, go on</source>
        <translation>是，繼續(&amp;Y)</translation>
    </message>
    <message>
        <source>No, &amp;don&apos;t</source>
        <translation>否，不要(&amp;D)</translation>
    </message>
    <message>
        <source>Transcript</source>
        <translation>記錄</translation>
    </message>
    <message>
        <source>MMP &amp;password:</source>
        <translation>MMP 密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>SSH &amp;key file:</source>
        <translation>SSH 金鑰檔案(&amp;K)：</translation>
    </message>
    <message>
        <source>Restart &amp;window:</source>
        <translation>重新啟動時段(&amp;W)：</translation>
    </message>
    <message>
        <source>Pa&amp;ssword:</source>
        <translation>密碼(&amp;S)：</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>連接埠(&amp;R)：</translation>
    </message>
    <message>
        <source>Most &amp;calls:</source>
        <translation>最多通話(&amp;C)：</translation>
    </message>
    <message>
        <source>CMS AP&amp;I user:</source>
        <translation>CMS API 使用者(&amp;I)：</translation>
    </message>
    <message>
        <source>API CA bundl&amp;e:</source>
        <translation>API CA 憑證套件組合(&amp;E)：</translation>
    </message>
    <message>
        <source>not applied</source>
        <translation>尚未套用</translation>
    </message>
    <message>
        <source>Apply on {node}</source>
        <translation>在 {node} 上套用</translation>
    </message>
    <message>
        <source>Apply these changes?</source>
        <translation>套用這些變更？</translation>
    </message>
    <message>
        <source>Restart now?</source>
        <translation>立即重新啟動？</translation>
    </message>
    <message>
        <source>Is this the MMP you mean?</source>
        <translation>這是您要連線的 MMP 嗎？</translation>
    </message>
    <message>
        <source>{value} is not a port; give 1 to 65535</source>
        <translation>{value} 不是連接埠；請輸入 1 到 65535</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>tick at least one node to apply the commands on</source>
        <translation>請至少勾選一個要套用指令的節點</translation>
    </message>
    <message>
        <source>{node}: not typed (UNCONFIRMED on the sheet): check them in your MMP guide, then type in this order: {steps}</source>
        <translation>{node}：未自動輸入（指令表上標示為未經確認）：請在您的 MMP 指南中核對後，依此順序自行輸入：{steps}</translation>
    </message>
    <message>
        <source>type the API user&apos;s password</source>
        <translation>請輸入 API 使用者的密碼</translation>
    </message>
    <message>
        <source>optional: [days] HH:MM-HH:MM (UTC), e.g. Sat 02:00-04:00; restarts run unasked only inside it</source>
        <translation>選用：[星期] HH:MM-HH:MM（UTC），例如 Sat 02:00-04:00；只有在此時段內才會不經詢問重新啟動</translation>
    </message>
    <message>
        <source>empty: from the plan</source>
        <translation>留空：取自計畫</translation>
    </message>
    <message>
        <source>Left empty, the password is read from the file or keyring entry the plan&apos;s [apply] names</source>
        <translation>留空時，會從計畫的 [apply] 所指定的檔案或金鑰圈項目讀取密碼</translation>
    </message>
    <message>
        <source>type the MMP password, or choose an SSH key file</source>
        <translation>請輸入 MMP 密碼，或選擇 SSH 金鑰檔案</translation>
    </message>
    <message>
        <source>{node}: these lines change the node. Apply them?</source>
        <translation>{node}：這些指令會變更節點。要套用嗎？</translation>
    </message>
    <message>
        <source>{node}: run `{command}` now? Calls in progress may drop.</source>
        <translation>{node}：現在執行 `{command}`？進行中的通話可能中斷。</translation>
    </message>
    <message>
        <source>{node} is not known yet. Its SSH host key is shown below.</source>
        <translation>{node} 尚未被信任。其 SSH 主機金鑰如下。</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>changes made; restarts still to do</source>
        <translation>已變更；仍需重新啟動</translation>
    </message>
    <message>
        <source>STOPPED</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>not applied: type it yourself</source>
        <translation>未套用：請自行輸入</translation>
    </message>
    <message>
        <source>not applied: you said no</source>
        <translation>未套用：您選擇了否</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未連線</translation>
    </message>
    <message>
        <source>read only</source>
        <translation>唯讀</translation>
    </message>
    <message>
        <source>done, but for the UNCONFIRMED steps below</source>
        <translation>已完成，但下列未經確認的步驟須自行輸入</translation>
    </message>
    <message>
        <source>serves the new certificate</source>
        <translation>提供新憑證</translation>
    </message>
    <message>
        <source>does NOT serve the new certificate</source>
        <translation>並未提供新憑證</translation>
    </message>
    <message>
        <source>could not be compared</source>
        <translation>無法比對</translation>
    </message>
    <message>
        <source>{node}: {endpoint} port {port} {verdict} ({file})</source>
        <translation>{node}：{endpoint} 連接埠 {port} {verdict}（{file}）</translation>
    </message>
    <message>
        <source>transcript saved: {path}</source>
        <translation>記錄已儲存：{path}</translation>
    </message>
</context>
<context>
    <name>CertificateCard</name>
    <message>
        <source>EXPIRED {date}</source>
        <translation>已到期 {date}</translation>
    </message>
    <message>
        <source>expires {date} ({days} days left)</source>
        <translation>{date} 到期（剩餘 {days} 天）</translation>
    </message>
    <message>
        <source>issued by {issuer} · {key} · {sources}</source>
        <translation>簽發者 {issuer} · {key} · {sources}</translation>
    </message>
</context>
<context>
    <name>ChainBuilderPage</name>
    <message>
        <source>Build a certificate bundle</source>
        <translation>建立憑證套件組合</translation>
    </message>
    <message>
        <source>Drop the files your CA sent (.cer, .crt, .p7b, .pfx, PEM) and put them in order: entity on top, root at the bottom.</source>
        <translation>拖放 CA 傳回的檔案（.cer、.crt、.p7b、.pfx、PEM）並排好順序：實體憑證在上，根 CA 在下。</translation>
    </message>
    <message>
        <source>Certificates in bundle order</source>
        <translation>依憑證套件組合順序排列的憑證</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>新增檔案(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Paste PEM</source>
        <translation>貼上 PEM(&amp;P)</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove unre&amp;lated</source>
        <translation>移除不相關的憑證(&amp;L)</translation>
    </message>
    <message>
        <source>Start &amp;over</source>
        <translation>重新開始(&amp;O)</translation>
    </message>
    <message>
        <source>Remove every certificate and key from this page</source>
        <translation>移除此頁上的所有憑證與金鑰</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>Full chain (&amp;Web Bridge 3, TURN)</source>
        <translation>完整憑證信任鏈（&amp;Web Bridge 3、TURN）</translation>
    </message>
    <message>
        <source>&amp;CA bundle (Call Bridge, Web Admin, XMPP)</source>
        <translation>CA 憑證套件組合（Call Bridge、Web Admin、XMPP）(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Entity only</source>
        <translation>僅實體憑證(&amp;E)</translation>
    </message>
    <message>
        <source>Au&amp;to-order</source>
        <translation>自動排序(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Include the root CA</source>
        <translation>包含根 CA(&amp;I)</translation>
    </message>
    <message>
        <source>Basename for the file name</source>
        <translation>檔名使用的基本名稱</translation>
    </message>
    <message>
        <source>basename, e.g. webbridge3-2026</source>
        <translation>基本名稱，例如 webbridge3-2026</translation>
    </message>
    <message>
        <source>Exact file contents</source>
        <translation>確切的檔案內容</translation>
    </message>
    <message>
        <source>&amp;Save bundle…</source>
        <translation>儲存憑證套件組合(&amp;S)…</translation>
    </message>
    <message>
        <source>Save as PKCS#&amp;12…</source>
        <translation>另存為 PKCS#12(&amp;1)…</translation>
    </message>
    <message>
        <source>Key, certificate and chain in one .p12/.pfx file for Windows and appliances</source>
        <translation>將金鑰、憑證與憑證信任鏈存成一個 .p12/.pfx 檔案，供 Windows 與設備使用</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進度</translation>
    </message>
    <message>
        <source>Ca&amp;ncel</source>
        <translation>取消(&amp;N)</translation>
    </message>
    <message>
        <source>File name from:</source>
        <translation>檔名依據：</translation>
    </message>
    <message>
        <source>Certificates to add</source>
        <translation>要加入的憑證</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.cer *.pem *.der *.p7b *.p7c *.pfx *.p12 *.key);;All files (*)</source>
        <translation>憑證 (*.crt *.cer *.pem *.der *.p7b *.p7c *.pfx *.p12 *.key);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>{name}: 1 new certificate and a private key</source>
        <translation>{name}：1 張新憑證和一把私密金鑰</translation>
    </message>
    <message>
        <source>{name}: {count} new certificates and a private key</source>
        <translation>{name}：{count} 張新憑證和一把私密金鑰</translation>
    </message>
    <message>
        <source>{name}: 1 new certificate</source>
        <translation>{name}：1 張新憑證</translation>
    </message>
    <message>
        <source>{name}: {count} new certificates</source>
        <translation>{name}：{count} 張新憑證</translation>
    </message>
    <message>
        <source>{name}: a private key</source>
        <translation>{name}：一把私密金鑰</translation>
    </message>
    <message>
        <source>{name}: no new certificate (each one is in the list already)</source>
        <translation>{name}：沒有新憑證（每一張都已在清單中）</translation>
    </message>
    <message>
        <source>clipboard</source>
        <translation>剪貼簿</translation>
    </message>
    <message>
        <source>Checking {n} certificates…</source>
        <translation>正在檢查 {n} 張憑證…</translation>
    </message>
    <message>
        <source>⚠ No entity certificate is loaded: only CA certificates. Add the service&apos;s certificate for a full chain, or save these as a CA bundle.</source>
        <translation>⚠ 尚未載入實體憑證：只有 CA 憑證。請加入服務的憑證以建立完整憑證信任鏈，或將這些另存為 CA 憑證套件組合。</translation>
    </message>
    <message>
        <source>✗ 1 problem: {first}</source>
        <translation>✗ 1 個問題：{first}</translation>
    </message>
    <message>
        <source>✗ {n} problems: {first}</source>
        <translation>✗ {n} 個問題：{first}</translation>
    </message>
    <message>
        <source>1 unrelated certificate will be left out.</source>
        <translation>將排除 1 張不相關的憑證。</translation>
    </message>
    <message>
        <source>{n} unrelated certificates will be left out.</source>
        <translation>將排除 {n} 張不相關的憑證。</translation>
    </message>
    <message>
        <source>Reading {name}… %p%</source>
        <translation>正在讀取 {name}…%p%</translation>
    </message>
    <message>
        <source>Checking the certificates… %p%</source>
        <translation>正在檢查憑證…%p%</translation>
    </message>
    <message>
        <source>Cancelled: the list is as it was.</source>
        <translation>已取消：清單維持原狀。</translation>
    </message>
    <message>
        <source>No certificates yet: drop files here, or use Add files / Paste PEM.</source>
        <translation>尚無憑證：將檔案拖放到這裡，或使用「新增檔案」/「貼上 PEM」。</translation>
    </message>
    <message>
        <source>✓ Every link checks out.</source>
        <translation>✓ 每個環節都通過檢查。</translation>
    </message>
    <message>
        <source>✓ the private key in {source} matches the entity certificate</source>
        <translation>✓ {source} 中的私密金鑰與實體憑證相符</translation>
    </message>
    <message>
        <source>✗ the private key in {source} does NOT match the entity certificate</source>
        <translation>✗ {source} 中的私密金鑰與實體憑證不符</translation>
    </message>
    <message>
        <source>{n} certificate(s), {size} bytes, LF line endings, no blank lines; the file ends with exactly one line break after the last -----END CERTIFICATE----- (the empty last line above).</source>
        <translation>{n} 張憑證，{size} 位元組，LF 換行，沒有空白行；檔案在最後一個 -----END CERTIFICATE----- 之後剛好以一個換行結尾（即上方空白的最後一行）。</translation>
    </message>
    <message>
        <source>A full chain starts at the service&apos;s certificate: put it first to save one.</source>
        <translation>完整憑證信任鏈從服務的憑證開始：請把它放在第一張後再儲存。</translation>
    </message>
    <message>
        <source>Use {file} as {usage}</source>
        <translation>將 {file} 用於：{usage}</translation>
    </message>
    <message>
        <source>The private key of {cn}</source>
        <translation>{cn} 的私密金鑰</translation>
    </message>
    <message>
        <source>Private keys (*.key *.pem)</source>
        <translation>私密金鑰 (*.key *.pem)</translation>
    </message>
    <message>
        <source>Save PKCS#12</source>
        <translation>儲存 PKCS#12</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>✓ Saved {path} ({n} CA certificate(s), {how})</source>
        <translation>✓ 已儲存 {path}（{n} 個 CA 憑證，{how}）</translation>
    </message>
    <message>
        <source>Save a broken chain?</source>
        <translation>要儲存有問題的憑證信任鏈嗎？</translation>
    </message>
    <message>
        <source>This order has problems:

{problems}

CMS will probably reject it. Save anyway?</source>
        <translation>這個順序有問題：

{problems}

CMS 很可能會拒絕。仍要儲存嗎？</translation>
    </message>
    <message>
        <source>Save bundle</source>
        <translation>儲存憑證套件組合</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem)</source>
        <translation>憑證 (*.crt *.pem)</translation>
    </message>
    <message>
        <source>✓ Saved {path}</source>
        <translation>✓ 已儲存 {path}</translation>
    </message>
</context>
<context>
    <name>ChainModel</name>
    <message>
        <source>unrelated: not part of this chain; it will be left out</source>
        <translation>不相關：不屬於此憑證信任鏈，將被排除</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <source>Check certificates</source>
        <translation>檢查憑證</translation>
    </message>
    <message>
        <source>Drop keys, CSRs, certificates and bundles: every key is matched, every certificate verified against the CAs given, everything sorted by expiry.</source>
        <translation>拖放金鑰、CSR、憑證與憑證套件組合：比對每把金鑰、以提供的 CA 驗證每張憑證，並全部依到期日排序。</translation>
    </message>
    <message>
        <source>Files to check</source>
        <translation>要檢查的檔案</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>新增檔案(&amp;A)…</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>清除(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>複製為文字(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save calendar (.ics)…</source>
        <translation>儲存行事曆 (.ics)(&amp;S)…</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩餘天數</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>CN</source>
        <translation>一般名稱 (CN)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>&amp;Results</source>
        <translation>結果(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>詳細資料(&amp;D)</translation>
    </message>
    <message>
        <source>E&amp;xpiry</source>
        <translation>到期日(&amp;X)</translation>
    </message>
    <message>
        <source>Save the expiry calendar</source>
        <translation>儲存到期日行事曆</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>行事曆 (*.ics)</translation>
    </message>
    <message>
        <source>✓ Saved {file}: one event per certificate, reminders 60, 30 and 7 days before</source>
        <translation>✓ 已儲存 {file}：每張憑證一個事件，於到期前 60、30 與 7 天提醒</translation>
    </message>
    <message>
        <source>{n} certificate(s)</source>
        <translation>{n} 張憑證</translation>
    </message>
    <message>
        <source>{n} key(s)</source>
        <translation>{n} 把金鑰</translation>
    </message>
    <message>
        <source>{n} CSR(s)</source>
        <translation>{n} 個 CSR</translation>
    </message>
    <message>
        <source>⚠ {cn} ({file}) expires in {days} days, on {date}: renew it now</source>
        <translation>⚠ {cn}（{file}）將在 {days} 天後（{date}）到期：請立即進行憑證更新</translation>
    </message>
    <message>
        <source>⚠ {file}: none of the keys given belongs to it; add its .key to check the pair</source>
        <translation>⚠ {file}：提供的金鑰都不屬於它；請加入它的 .key 以檢查這一組</translation>
    </message>
    <message>
        <source>Drop files here or use Add files.</source>
        <translation>將檔案拖放到這裡，或使用「新增檔案」。</translation>
    </message>
    <message>
        <source>✗ {n} problem(s) found</source>
        <translation>✗ 發現 {n} 個問題</translation>
    </message>
    <message>
        <source>⚠ To look at: {n}</source>
        <translation>⚠ 需要注意：{n} 項</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <source>To look at</source>
        <translation>需要注意</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Chains</source>
        <translation>憑證信任鏈</translation>
    </message>
    <message>
        <source>chain</source>
        <translation>憑證信任鏈</translation>
    </message>
    <message>
        <source>CMS services (extended key usage)</source>
        <translation>CMS 服務（延伸金鑰使用方法）</translation>
    </message>
</context>
<context>
    <name>CmsWizard</name>
    <message>
        <source>CMS Certificate Wizard</source>
        <translation>CMS 憑證精靈</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Open plan…</source>
        <translation>開啟計畫檔(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Recent plans</source>
        <translation>最近的計畫(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save plan</source>
        <translation>儲存計畫(&amp;S)</translation>
    </message>
    <message>
        <source>Save plan &amp;as…</source>
        <translation>另存計畫(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Close plan</source>
        <translation>關閉計畫(&amp;C)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>Open, save or close a plan file (F10)</source>
        <translation>開啟、儲存或關閉計畫檔 (F10)</translation>
    </message>
    <message>
        <source>This plan cannot be opened</source>
        <translation>無法開啟此計畫</translation>
    </message>
    <message>
        <source>The plan was not saved</source>
        <translation>計畫未儲存</translation>
    </message>
</context>
<context>
    <name>CountryBox</name>
    <message>
        <source>e.g. TW</source>
        <translation>例如 TW</translation>
    </message>
</context>
<context>
    <name>DbClusterPage</name>
    <message>
        <source>Database cluster certificates</source>
        <translation>資料庫叢集憑證</translation>
    </message>
    <message>
        <source>A small CA (dbca) signs dbserver and dbclient, as pki selfsigned and pki sign do on the primary.</source>
        <translation>由一個小型 CA (dbca) 簽署 dbserver 與 dbclient，就像在主要節點上執行 pki selfsigned 與 pki sign 一樣。</translation>
    </message>
    <message>
        <source>e.g. tplab.local</source>
        <translation>例如 tplab.local</translation>
    </message>
    <message>
        <source>cmscore1.example.com</source>
        <translation>cmscore1.example.com</translation>
    </message>
    <message>
        <source>cmscore2.example.com (one per line)</source>
        <translation>cmscore2.example.com（每行一個）</translation>
    </message>
    <message>
        <source>cores that only connect to the database (one per line)</source>
        <translation>僅連線到資料庫的核心（每行一個）</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>&amp;Renewing expired database certificates (start with database cluster remove)</source>
        <translation>更新已到期的資料庫憑證（先執行 database cluster remove）(&amp;R)</translation>
    </message>
    <message>
        <source>Equivalent MMP commands</source>
        <translation>等效的 MMP 指令</translation>
    </message>
    <message>
        <source>CA domain</source>
        <translation>CA 網域</translation>
    </message>
    <message>
        <source>Primary core</source>
        <translation>主要核心</translation>
    </message>
    <message>
        <source>Other database cores</source>
        <translation>其他資料庫核心</translation>
    </message>
    <message>
        <source>Connect-only cores</source>
        <translation>僅連線的核心</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>輸出資料夾</translation>
    </message>
    <message>
        <source>CA &amp;domain (dbca CN):</source>
        <translation>CA 網域（dbca 的 CN）(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Primary core FQDN:</source>
        <translation>主要核心 FQDN(&amp;P)：</translation>
    </message>
    <message>
        <source>Other database &amp;cores:</source>
        <translation>其他資料庫核心(&amp;C)：</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>瀏覽(&amp;W)…</translation>
    </message>
    <message>
        <source>C&amp;onnect-only cores:</source>
        <translation>僅連線的核心(&amp;O)：</translation>
    </message>
    <message>
        <source>dbca:</source>
        <translation>dbca：</translation>
    </message>
    <message>
        <source>dbserver / dbclient:</source>
        <translation>dbserver / dbclient：</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>有效期間：</translation>
    </message>
    <message>
        <source>Save in &amp;folder:</source>
        <translation>儲存到資料夾(&amp;F)：</translation>
    </message>
    <message>
        <source>The same on the primary&apos;s MMP:</source>
        <translation>在主要節點的 MMP 上等效的指令：</translation>
    </message>
    <message>
        <source>Folder for the database certificates</source>
        <translation>存放資料庫憑證的資料夾</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Cannot create {folder}: {error}</source>
        <translation>無法建立 {folder}：{error}</translation>
    </message>
    <message>
        <source>Replace existing keys?</source>
        <translation>要取代現有的金鑰嗎？</translation>
    </message>
    <message>
        <source>{files} already exist in {folder}.

If these are the keys your database cluster uses, replacing them breaks the cluster until every node has the new files. Choose an empty folder to keep them.

Replace them?</source>
        <translation>{folder} 中已有 {files}。

如果這些是資料庫叢集正在使用的金鑰，取代它們會使叢集中斷，直到每個節點都換上新檔案為止。若要保留它們，請選擇空的資料夾。

要取代嗎？</translation>
    </message>
</context>
<context>
    <name>DbResultPage</name>
    <message>
        <source>Database cluster files and commands</source>
        <translation>資料庫叢集檔案與指令</translation>
    </message>
    <message>
        <source>Copy the files to each node, then type its commands on the MMP.</source>
        <translation>將檔案複製到每個節點，然後在 MMP 上輸入該節點的指令。</translation>
    </message>
    <message>
        <source>Commands per node</source>
        <translation>各節點的指令</translation>
    </message>
    <message>
        <source>&amp;Copy all commands</source>
        <translation>複製所有指令(&amp;C)</translation>
    </message>
    <message>
        <source>Save the co&amp;mmands…</source>
        <translation>儲存指令…(&amp;M)</translation>
    </message>
    <message>
        <source>Save the commands</source>
        <translation>儲存指令</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文字檔 (*.txt)</translation>
    </message>
    <message>
        <source>✓ Saved to {path}</source>
        <translation>✓ 已儲存到 {path}</translation>
    </message>
    <message>
        <source>Making dbca, dbserver and dbclient…</source>
        <translation>正在建立 dbca、dbserver 與 dbclient…</translation>
    </message>
    <message>
        <source>{verdict} Wrote {count} files to {folder}; dbserver and dbclient verify against dbca.</source>
        <translation>{verdict} 已將 {count} 個檔案寫入 {folder}；dbserver 與 dbclient 均通過 dbca 驗證。</translation>
    </message>
    <message>
        <source>✗ Nothing was written. {message}</source>
        <translation>✗ 沒有寫入任何內容。{message}</translation>
    </message>
</context>
<context>
    <name>DeploySheetPage</name>
    <message>
        <source>Commands for the CMS</source>
        <translation>CMS 指令</translation>
    </message>
    <message>
        <source>Say which file each service uses; the wizard writes the exact MMP commands, node by node.</source>
        <translation>指定每個服務使用的檔案；精靈會逐節點寫出確切的 MMP 指令。</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>單一</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>叢集</translation>
    </message>
    <message>
        <source>Core + edge</source>
        <translation>核心 + 邊緣</translation>
    </message>
    <message>
        <source>cms1.example.com cms2.example.com</source>
        <translation>cms1.example.com cms2.example.com</translation>
    </message>
    <message>
        <source>edge1.example.com</source>
        <translation>edge1.example.com</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>金鑰</translation>
    </message>
    <message>
        <source>Certificate / full chain</source>
        <translation>憑證 / 完整憑證信任鏈</translation>
    </message>
    <message>
        <source>CA bundle</source>
        <translation>CA 憑證套件組合</translation>
    </message>
    <message>
        <source>Files per service</source>
        <translation>各服務使用的檔案</translation>
    </message>
    <message>
        <source>&amp;Add row</source>
        <translation>新增列(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;move row</source>
        <translation>移除列(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Database cluster</source>
        <translation>資料庫叢集(&amp;D)</translation>
    </message>
    <message>
        <source>primary FQDN</source>
        <translation>主要節點 FQDN</translation>
    </message>
    <message>
        <source>joining cores</source>
        <translation>加入叢集的核心</translation>
    </message>
    <message>
        <source>connect-only cores</source>
        <translation>僅連線的核心</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>瀏覽(&amp;W)…</translation>
    </message>
    <message>
        <source>Renewa&amp;l</source>
        <translation>更新(&amp;L)</translation>
    </message>
    <message>
        <source>Si&amp;gned by the enterprise CA</source>
        <translation>由企業 CA 簽署(&amp;G)</translation>
    </message>
    <message>
        <source>Database server key</source>
        <translation>資料庫伺服器私密金鑰</translation>
    </message>
    <message>
        <source>Database server certificate</source>
        <translation>資料庫伺服器憑證</translation>
    </message>
    <message>
        <source>Database client key</source>
        <translation>資料庫用戶端私密金鑰</translation>
    </message>
    <message>
        <source>Database client certificate</source>
        <translation>資料庫用戶端憑證</translation>
    </message>
    <message>
        <source>Database CA certificate</source>
        <translation>資料庫 CA 憑證</translation>
    </message>
    <message>
        <source>What the peer trust files hold</source>
        <translation>對端信任檔的內容</translation>
    </message>
    <message>
        <source>CA bundle for SIP TLS trust</source>
        <translation>SIP TLS 信任用的 CA 憑證套件組合</translation>
    </message>
    <message>
        <source>Web Bridge 3 HTTPS port</source>
        <translation>Web Bridge 3 HTTPS 連接埠</translation>
    </message>
    <message>
        <source>Web Bridge 3 HTTPS</source>
        <translation>Web Bridge 3 HTTPS</translation>
    </message>
    <message>
        <source>C2W port</source>
        <translation>C2W 連接埠</translation>
    </message>
    <message>
        <source>C2W</source>
        <translation>C2W</translation>
    </message>
    <message>
        <source>TURN TLS port</source>
        <translation>TURN TLS 連接埠</translation>
    </message>
    <message>
        <source>TURN TLS</source>
        <translation>TURN TLS</translation>
    </message>
    <message>
        <source>Web Admin</source>
        <translation>Web Admin</translation>
    </message>
    <message>
        <source>Web Admin port beside a web bridge</source>
        <translation>與 Web Bridge 同機時的 Web Admin 連接埠</translation>
    </message>
    <message>
        <source>Ad&amp;vanced: ports and names</source>
        <translation>進階：連接埠與名稱(&amp;V)</translation>
    </message>
    <message>
        <source>MMP interface to listen on</source>
        <translation>要監聽的 MMP 介面</translation>
    </message>
    <message>
        <source>Web Admin port on a box without a web bridge</source>
        <translation>沒有 Web Bridge 的主機上的 Web Admin 連接埠</translation>
    </message>
    <message>
        <source>Web Bridge 2 HTTPS port</source>
        <translation>Web Bridge 2 HTTPS 連接埠</translation>
    </message>
    <message>
        <source>Trust file name: {peers}</source>
        <translation>信任檔名稱：{peers}</translation>
    </message>
    <message>
        <source>Name of the backup snapshot</source>
        <translation>備份快照的名稱</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>介面</translation>
    </message>
    <message>
        <source>Web Admin alone</source>
        <translation>單獨的 Web Admin</translation>
    </message>
    <message>
        <source>Web Bridge 2</source>
        <translation>Web Bridge 2</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>備份</translation>
    </message>
    <message>
        <source>Trust files</source>
        <translation>信任檔</translation>
    </message>
    <message>
        <source>Build the full chain…</source>
        <translation>建立完整憑證信任鏈…</translation>
    </message>
    <message>
        <source>Deployment commands</source>
        <translation>部署指令</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>所有節點</translation>
    </message>
    <message>
        <source>&amp;Copy this tab</source>
        <translation>複製此分頁(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Save as cms-commands.txt</source>
        <translation>儲存為 cms-commands.txt(&amp;S)</translation>
    </message>
    <message>
        <source>Language of the explanations</source>
        <translation>說明行的語言</translation>
    </message>
    <message>
        <source>Save &amp;plan…</source>
        <translation>儲存計畫(&amp;P)…</translation>
    </message>
    <message>
        <source>Save this deployment as a plan file to open again or renew next year</source>
        <translation>將此部署儲存為計畫檔，以便再次開啟或明年進行憑證更新</translation>
    </message>
    <message>
        <source>Core server FQDNs</source>
        <translation>核心伺服器 FQDN</translation>
    </message>
    <message>
        <source>Edge server FQDNs</source>
        <translation>邊緣伺服器 FQDN</translation>
    </message>
    <message>
        <source>Folder with the files</source>
        <translation>檔案所在的資料夾</translation>
    </message>
    <message>
        <source>Database primary</source>
        <translation>資料庫主要節點</translation>
    </message>
    <message>
        <source>Joining cores</source>
        <translation>加入叢集的核心</translation>
    </message>
    <message>
        <source>Connect-only cores</source>
        <translation>僅連線的核心</translation>
    </message>
    <message>
        <source>CMS:</source>
        <translation>CMS：</translation>
    </message>
    <message>
        <source>C&amp;ore servers:</source>
        <translation>核心伺服器(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Edge servers:</source>
        <translation>邊緣伺服器(&amp;E)：</translation>
    </message>
    <message>
        <source>Peer &amp;trust files hold:</source>
        <translation>對端信任檔內容(&amp;T)：</translation>
    </message>
    <message>
        <source>S&amp;IP TLS trust:</source>
        <translation>SIP TLS 信任(&amp;I)：</translation>
    </message>
    <message>
        <source>Ports:</source>
        <translation>連接埠：</translation>
    </message>
    <message>
        <source>&amp;Files in:</source>
        <translation>檔案位置(&amp;F)：</translation>
    </message>
    <message>
        <source>P&amp;rimary core:</source>
        <translation>主要核心(&amp;R)：</translation>
    </message>
    <message>
        <source>Other cl&amp;uster cores:</source>
        <translation>叢集中的其他核心(&amp;U)：</translation>
    </message>
    <message>
        <source>Cores that onl&amp;y connect:</source>
        <translation>僅連線的核心(&amp;Y)：</translation>
    </message>
    <message>
        <source>Database files:</source>
        <translation>資料庫檔案：</translation>
    </message>
    <message>
        <source>E&amp;xplanations in:</source>
        <translation>說明語言(&amp;X)：</translation>
    </message>
    <message>
        <source>Plan saved ✓ {name}</source>
        <translation>計畫已儲存 ✓ {name}</translation>
    </message>
    <message>
        <source>all servers</source>
        <translation>所有伺服器</translation>
    </message>
    <message>
        <source>choose a key and a certificate for at least one service, or the database cluster</source>
        <translation>請為至少一個服務選擇金鑰與憑證，或選擇資料庫叢集</translation>
    </message>
    <message>
        <source>Commands for {node}</source>
        <translation>{node} 的指令</translation>
    </message>
    <message>
        <source>Saved ✓ {name}</source>
        <translation>已儲存 ✓ {name}</translation>
    </message>
</context>
<context>
    <name>DeploymentPage</name>
    <message>
        <source>Your CMS deployment</source>
        <translation>您的 CMS 部署</translation>
    </message>
    <message>
        <source>Tell the wizard about the servers; it proposes the certificates each service needs.</source>
        <translation>告訴精靈您的伺服器；精靈會建議每個服務所需的憑證。</translation>
    </message>
    <message>
        <source>CMS 3.x (Web Bridge 3)</source>
        <translation>CMS 3.x（Web Bridge 3）</translation>
    </message>
    <message>
        <source>CMS 2.9 (Web Bridge, Web Bridge 3, XMPP)</source>
        <translation>CMS 2.9（Web Bridge、Web Bridge 3、XMPP）</translation>
    </message>
    <message>
        <source>CMS 2.0–2.8 (Web Bridge, XMPP)</source>
        <translation>CMS 2.0–2.8（Web Bridge、XMPP）</translation>
    </message>
    <message>
        <source>CMS version</source>
        <translation>CMS 版本</translation>
    </message>
    <message>
        <source>&amp;Single combined server</source>
        <translation>單一整合伺服器(&amp;S)</translation>
    </message>
    <message>
        <source>C&amp;luster of combined servers</source>
        <translation>整合伺服器叢集(&amp;L)</translation>
    </message>
    <message>
        <source>Core and &amp;edge servers</source>
        <translation>核心與邊緣伺服器(&amp;E)</translation>
    </message>
    <message>
        <source>Services to cover</source>
        <translation>要涵蓋的服務</translation>
    </message>
    <message>
        <source>cms1.example.com (one per line)</source>
        <translation>cms1.example.com（每行一個）</translation>
    </message>
    <message>
        <source>Server FQDNs</source>
        <translation>伺服器 FQDN</translation>
    </message>
    <message>
        <source>edge1.example.com (one per line)</source>
        <translation>edge1.example.com（每行一個）</translation>
    </message>
    <message>
        <source>Edge server FQDNs</source>
        <translation>邊緣伺服器 FQDN</translation>
    </message>
    <message>
        <source>join.example.com</source>
        <translation>join.example.com</translation>
    </message>
    <message>
        <source>Join URL host</source>
        <translation>加入 URL 主機</translation>
    </message>
    <message>
        <source>example.com</source>
        <translation>example.com</translation>
    </message>
    <message>
        <source>XMPP domain</source>
        <translation>XMPP 網域</translation>
    </message>
    <message>
        <source>One c&amp;ombined certificate for every service</source>
        <translation>所有服務共用一張整合憑證(&amp;O)</translation>
    </message>
    <message>
        <source>Basename</source>
        <translation>基本名稱</translation>
    </message>
    <message>
        <source>CN</source>
        <translation>一般名稱 (CN)</translation>
    </message>
    <message>
        <source>SAN</source>
        <translation>主體別名 (SAN)</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Proposed certificates</source>
        <translation>建議的憑證</translation>
    </message>
    <message>
        <source>CMS &amp;version:</source>
        <translation>CMS 版本(&amp;V)：</translation>
    </message>
    <message>
        <source>Topology:</source>
        <translation>拓撲：</translation>
    </message>
    <message>
        <source>Se&amp;rver FQDNs:</source>
        <translation>伺服器 FQDN(&amp;R)：</translation>
    </message>
    <message>
        <source>E&amp;dge FQDNs:</source>
        <translation>邊緣伺服器 FQDN(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Join URL host:</source>
        <translation>加入 URL 主機(&amp;J)：</translation>
    </message>
    <message>
        <source>&amp;XMPP domain:</source>
        <translation>XMPP 網域(&amp;X)：</translation>
    </message>
    <message>
        <source>&amp;Certificates to make (choose the one to start with):</source>
        <translation>要建立的憑證（選擇要先建立的一個）(&amp;C)：</translation>
    </message>
    <message>
        <source>all servers</source>
        <translation>所有伺服器</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Export to a USB stick</source>
        <translation>匯出到 USB 隨身碟</translation>
    </message>
    <message>
        <source>Each file is written, flushed, read back and compared; SHA256SUMS and a README in English and Chinese are written last.</source>
        <translation>每個檔案都會寫入、排清、讀回並比對；最後寫入 SHA256SUMS 與中英文 README。</translation>
    </message>
    <message>
        <source>Removable drives</source>
        <translation>卸除式磁碟</translation>
    </message>
    <message>
        <source>&amp;Other folder…</source>
        <translation>其他資料夾(&amp;O)…</translation>
    </message>
    <message>
        <source>Files to export</source>
        <translation>要匯出的檔案</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>新增檔案(&amp;A)…</translation>
    </message>
    <message>
        <source>Folder name on the stick</source>
        <translation>隨身碟上的資料夾名稱</translation>
    </message>
    <message>
        <source>&amp;Copy to stick</source>
        <translation>複製到隨身碟(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Drive:</source>
        <translation>磁碟(&amp;D)：</translation>
    </message>
    <message>
        <source>Show all dri&amp;ves</source>
        <translation>顯示所有磁碟(&amp;V)</translation>
    </message>
    <message>
        <source>F&amp;iles:</source>
        <translation>檔案(&amp;I)：</translation>
    </message>
    <message>
        <source>Folder &amp;name:</source>
        <translation>資料夾名稱(&amp;N)：</translation>
    </message>
    <message>
        <source>{name}   (made by the wizard)</source>
        <translation>{name}   （由精靈產生）</translation>
    </message>
    <message>
        <source>Written by the wizard from the commands page; always on the stick</source>
        <translation>由精靈依指令頁產生；一定會寫入隨身碟</translation>
    </message>
    <message>
        <source>   (private key)</source>
        <translation>   （私密金鑰）</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>匯出到資料夾</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>No USB stick found — plug one in, or choose Other folder…</source>
        <translation>找不到 USB 隨身碟 — 請插入隨身碟，或選擇「其他資料夾…」</translation>
    </message>
    <message>
        <source>✗ {drive} is gone (removed or unmounted): choose the drive again.</source>
        <translation>✗ {drive} 已不在（已移除或已卸載）：請重新選擇磁碟。</translation>
    </message>
    <message>
        <source>⚠ {keys}: private keys are copied unencrypted, because CMS needs them so. Keep the stick with you and delete the keys once they are on the CMS.</source>
        <translation>⚠ {keys}：私密金鑰會以未加密方式複製，因為 CMS 需要如此。請隨身保管隨身碟，並在金鑰放到 CMS 後將其刪除。</translation>
    </message>
    <message>
        <source>
Nothing was copied.</source>
        <translation>
沒有複製任何檔案。</translation>
    </message>
</context>
<context>
    <name>FieldMessage</name>
    <message>
        <source>Help</source>
        <translation>說明</translation>
    </message>
</context>
<context>
    <name>GeneratePage</name>
    <message>
        <source>Key and CSR</source>
        <translation>金鑰與 CSR</translation>
    </message>
    <message>
        <source>The key is made on this computer and never sent anywhere.</source>
        <translation>金鑰在這台電腦上產生，不會傳送到任何地方。</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>開啟資料夾(&amp;O)</translation>
    </message>
    <message>
        <source>CSR read back from disk</source>
        <translation>從磁碟讀回的 CSR</translation>
    </message>
    <message>
        <source>Make the ne&amp;xt certificate</source>
        <translation>建立下一張憑證(&amp;X)</translation>
    </message>
    <message>
        <source>B&amp;uild the bundle (when the certificate is back)</source>
        <translation>建立憑證套件組合（憑證核發後）(&amp;U)</translation>
    </message>
    <message>
        <source>No request yet: go back and fill in the subject first.</source>
        <translation>尚未建立請求：請先返回並填寫主體。</translation>
    </message>
    <message>
        <source>Generating a {key} key and the request… this can take a few seconds.</source>
        <translation>正在產生 {key} 金鑰與憑證簽署請求…這可能需要幾秒鐘。</translation>
    </message>
    <message>
        <source>✓ Done: both files are written and read back.</source>
        <translation>✓ 完成：兩個檔案都已寫入並讀回。</translation>
    </message>
    <message>
        <source>Private key: {key}
Request: {csr}</source>
        <translation>私密金鑰：{key}
憑證簽署請求：{csr}</translation>
    </message>
    <message>
        <source>Next: send {csr} to your certificate authority. With a Microsoft CA, ask for a template that allows both server and client authentication. When the certificate comes back, build the bundle and copy the files to the CMS.</source>
        <translation>下一步：將 {csr} 送交您的憑證授權單位 (CA)。若使用 Microsoft CA，請要求同時允許伺服器與用戶端驗證的範本。憑證核發後，建立憑證套件組合並將檔案複製到 CMS。</translation>
    </message>
    <message>
        <source>Next: {name}</source>
        <translation>下一個：{name}</translation>
    </message>
    <message>
        <source>Every proposed certificate is made.</source>
        <translation>所有建議的憑證都已產生。</translation>
    </message>
    <message>
        <source>Unexpected error: {e}</source>
        <translation>未預期的錯誤：{e}</translation>
    </message>
    <message>
        <source>✗ Nothing was written. {message}</source>
        <translation>✗ 沒有寫入任何內容。{message}</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Help: {page}</source>
        <translation>說明：{page}</translation>
    </message>
    <message>
        <source>No help for this page yet.</source>
        <translation>此頁尚無說明。</translation>
    </message>
</context>
<context>
    <name>KeepRenewedPage</name>
    <message>
        <source>Keep certificates renewed</source>
        <translation>讓憑證保持更新</translation>
    </message>
    <message>
        <source>The plan says which issuer signs each certificate. Certificates from an ACME issuer are renewed when due, with DNS-01; the others are listed when a person must renew them.</source>
        <translation>計畫檔記載每張憑證由哪個簽發者簽署。ACME 簽發者的憑證到期時會以 DNS-01 自動完成憑證更新；其他憑證在需要人員進行憑證更新時列出。</translation>
    </message>
    <message>
        <source>the plan file (.toml)</source>
        <translation>計畫檔（.toml）</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>瀏覽(&amp;B)…</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>Issuer</source>
        <translation>簽發者</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>模擬執行(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Renew now</source>
        <translation>立即進行憑證更新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Test DNS</source>
        <translation>測試 DNS(&amp;T)</translation>
    </message>
    <message>
        <source>Cancel this r&amp;un</source>
        <translation>取消這次執行(&amp;U)</translation>
    </message>
    <message>
        <source>systemd timer (daily)</source>
        <translation>systemd 計時器（每日）</translation>
    </message>
    <message>
        <source>cron line (daily)</source>
        <translation>cron 排程（每日）</translation>
    </message>
    <message>
        <source>Windows task (daily)</source>
        <translation>Windows 工作排程（每日）</translation>
    </message>
    <message>
        <source>Write &amp;schedule</source>
        <translation>寫入排程(&amp;S)</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>計畫檔：</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>開啟計畫檔</translation>
    </message>
    <message>
        <source>Plan files (*.toml)</source>
        <translation>計畫檔 (*.toml)</translation>
    </message>
    <message>
        <source>Cancelled. The renewal state keeps the last finished step; a run goes on from there.</source>
        <translation>已取消。更新狀態保留最後完成的步驟；下次執行會從那裡繼續。</translation>
    </message>
    <message>
        <source>Unexpected error: {error}</source>
        <translation>未預期的錯誤：{error}</translation>
    </message>
    <message>
        <source>Looking at the certificates…</source>
        <translation>正在檢查憑證…</translation>
    </message>
    <message>
        <source>Renewing what is due…</source>
        <translation>正在更新已到期的憑證…</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>尚無</translation>
    </message>
    <message>
        <source>Certificates that need a person: {count}. See Next step.</source>
        <translation>需要人員處理的憑證：{count} 張。請見「下一步」。</translation>
    </message>
    <message>
        <source>Every certificate is valid; nothing needs a person.</source>
        <translation>每張憑證都有效；沒有需要人員處理的事項。</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>due</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>key and CSR made</source>
        <translation>已產生金鑰與 CSR</translation>
    </message>
    <message>
        <source>ordered</source>
        <translation>已下單</translation>
    </message>
    <message>
        <source>issued</source>
        <translation>已簽發</translation>
    </message>
    <message>
        <source>issued and bundled</source>
        <translation>已簽發並組成憑證組合</translation>
    </message>
    <message>
        <source>uploaded</source>
        <translation>已上傳</translation>
    </message>
    <message>
        <source>assigned</source>
        <translation>已指派</translation>
    </message>
    <message>
        <source>Publishing a test record…</source>
        <translation>正在發布測試記錄…</translation>
    </message>
    <message>
        <source>DNS-01 works: the record was published, seen on every authoritative server and removed.</source>
        <translation>DNS-01 正常：記錄已發布、每部權威伺服器都看得到，且已移除。</translation>
    </message>
    <message>
        <source>Cancelling after the current step…</source>
        <translation>將在目前步驟完成後取消…</translation>
    </message>
    <message>
        <source>Wrote {files} in {folder}; activate it as docs/renewal.md says (nothing was started).</source>
        <translation>已將 {files} 寫入 {folder}；請依 docs/renewal.md 的說明啟用（尚未啟動任何項目）。</translation>
    </message>
</context>
<context>
    <name>OnCmsPage</name>
    <message>
        <source>Run it on the CMS</source>
        <translation>在 CMS 上執行</translation>
    </message>
    <message>
        <source>Nothing is written on this computer: the key is made on the CMS and never leaves it.</source>
        <translation>此電腦上不會寫入任何檔案：金鑰在 CMS 上產生，且不會離開 CMS。</translation>
    </message>
    <message>
        <source>&amp;Copy command</source>
        <translation>複製指令(&amp;C)</translation>
    </message>
    <message>
        <source>No request yet: go back and fill in the subject first.</source>
        <translation>尚未建立請求：請先返回並填寫主體。</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;Connect to the CMS MMP with SSH (e.g. PuTTY) and log in as an administrator.&lt;/li&gt;&lt;li&gt;Type &lt;tt&gt;pki list&lt;/tt&gt; first: if &lt;tt&gt;{name}.key&lt;/tt&gt; is listed and in use, choose a new basename — reusing the name of a key that a CMS service is using breaks that service at once.&lt;/li&gt;&lt;li&gt;Paste the command above and press Enter.&lt;/li&gt;&lt;li&gt;Download &lt;tt&gt;{name}.csr&lt;/tt&gt; with SFTP and send it to your certificate authority.&lt;/li&gt;&lt;/ol&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;以 SSH（例如 PuTTY）連線到 CMS MMP，並以管理員身分登入。&lt;/li&gt;&lt;li&gt;先輸入 &lt;tt&gt;pki list&lt;/tt&gt;：如果列出了 &lt;tt&gt;{name}.key&lt;/tt&gt; 而且正在使用中，請選擇新的基本名稱 — 沿用 CMS 服務正在使用的金鑰名稱，會立即中斷該服務。&lt;/li&gt;&lt;li&gt;貼上上方的指令並按 Enter。&lt;/li&gt;&lt;li&gt;以 SFTP 下載 &lt;tt&gt;{name}.csr&lt;/tt&gt;，並將它送交您的憑證授權單位 (CA)。&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
</context>
<context>
    <name>P12Dialog</name>
    <message>
        <source>Save as PKCS#12</source>
        <translation>另存為 PKCS#12</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次輸入密碼</translation>
    </message>
    <message>
        <source>Include the &amp;root CA</source>
        <translation>包含根 CA(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>儲存(&amp;S)…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Again:</source>
        <translation>再次輸入(&amp;A)：</translation>
    </message>
    <message>
        <source>Key, certificate and chain in one file for Windows and appliances. The file carries the private key: choose a strong password and keep it apart from the file.</source>
        <translation>將金鑰、憑證與憑證信任鏈存成一個檔案，供 Windows 與設備使用。此檔案含有私密金鑰：請選擇強密碼，並與檔案分開保管。</translation>
    </message>
    <message>
        <source>The password needs at least {n} characters.</source>
        <translation>密碼至少需要 {n} 個字元。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>兩次輸入的密碼不同。</translation>
    </message>
</context>
<context>
    <name>PlanDocument</name>
    <message>
        <source>Open a deployment plan</source>
        <translation>開啟部署計畫</translation>
    </message>
    <message>
        <source>Plan files (*.toml)</source>
        <translation>計畫檔 (*.toml)</translation>
    </message>
    <message>
        <source>Save the deployment plan</source>
        <translation>儲存部署計畫</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>The command</source>
        <translation>指令</translation>
    </message>
    <message>
        <source>This is exactly what runs: type it on the CMS, or let the wizard run it here.</source>
        <translation>這就是實際執行的內容：在 CMS 上輸入，或讓精靈在此執行。</translation>
    </message>
    <message>
        <source>pki csr command</source>
        <translation>pki csr 指令</translation>
    </message>
    <message>
        <source>&amp;Copy command</source>
        <translation>複製指令(&amp;C)</translation>
    </message>
    <message>
        <source>I will &amp;run this command on the CMS (over SSH to the MMP)</source>
        <translation>我會在 CMS 上執行這個指令（透過 SSH 連線到 MMP）(&amp;R)</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>輸出資料夾</translation>
    </message>
    <message>
        <source>Generate the key and CSR on &amp;this computer</source>
        <translation>在這台電腦上產生金鑰與 CSR(&amp;T)</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>瀏覽(&amp;W)…</translation>
    </message>
    <message>
        <source>Save in &amp;folder:</source>
        <translation>儲存到資料夾(&amp;F)：</translation>
    </message>
    <message>
        <source>No request yet: go back and fill in the subject first.</source>
        <translation>尚未建立請求：請先返回並填寫主體。</translation>
    </message>
    <message>
        <source>Copied ✓</source>
        <translation>已複製 ✓</translation>
    </message>
    <message>
        <source>Folder for the key and CSR</source>
        <translation>存放金鑰與 CSR 的資料夾</translation>
    </message>
    <message>
        <source>&amp;Generate key and CSR</source>
        <translation>產生金鑰與 CSR(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Writes {key} (private key, readable only by you) and {csr}.</source>
        <translation>將寫入 {key}（私密金鑰，只有您可讀取）與 {csr}。</translation>
    </message>
    <message>
        <source>⚠ {key} already exists.</source>
        <translation>⚠ {key} 已存在。</translation>
    </message>
    <message>
        <source>Folder not found</source>
        <translation>找不到資料夾</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist. Choose another folder.</source>
        <translation>資料夾 {folder} 不存在。請選擇其他資料夾。</translation>
    </message>
    <message>
        <source>Replace the existing key?</source>
        <translation>要取代現有的金鑰嗎？</translation>
    </message>
    <message>
        <source>{key} already exists.

If a CMS service uses a key of this name, replacing it breaks that service at once. Renewing in production? Go back and choose a new basename.

Replace the key anyway?</source>
        <translation>{key} 已存在。

如果有 CMS 服務使用這個名稱的金鑰，取代它會立即中斷該服務。要在正式環境中更新嗎？請返回並選擇新的基本名稱。

仍要取代金鑰嗎？</translation>
    </message>
</context>
<context>
    <name>ProbeResultPage</name>
    <message>
        <source>What the servers present</source>
        <translation>伺服器提供的憑證</translation>
    </message>
    <message>
        <source>Every endpoint and address, with what is wrong first. Nothing was sent but the handshake.</source>
        <translation>每個端點與位址，問題優先列出。除了交握之外沒有傳送任何資料。</translation>
    </message>
    <message>
        <source>Endpoint and findings</source>
        <translation>端點與檢查結果</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服務</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>剩餘天數</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>檢查結果</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>端點</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>憑證</translation>
    </message>
    <message>
        <source>F&amp;indings</source>
        <translation>檢查結果(&amp;I)</translation>
    </message>
    <message>
        <source>E&amp;xpiry (soonest first)</source>
        <translation>到期日（最早的在前）(&amp;X)</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>重新檢查(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Copy as text</source>
        <translation>複製為文字(&amp;C)</translation>
    </message>
    <message>
        <source>Save ca&amp;lendar (.ics)…</source>
        <translation>儲存行事曆 (.ics)(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Renew the selected certificate…</source>
        <translation>為所選的憑證進行憑證更新(&amp;R)…</translation>
    </message>
    <message>
        <source>Checking {count} endpoint(s)…</source>
        <translation>正在檢查 {count} 個端點…</translation>
    </message>
    <message>
        <source>✗ {bad} of {count} endpoint(s) have problems</source>
        <translation>✗ {count} 個端點中有 {bad} 個有問題</translation>
    </message>
    <message>
        <source>! No problems, but {warned} of {count} endpoint(s) need attention (marked !)</source>
        <translation>! 沒有問題，但 {count} 個端點中有 {warned} 個需要注意（標示 !）</translation>
    </message>
    <message>
        <source>✓ All {count} endpoint(s) are fine</source>
        <translation>✓ 全部 {count} 個端點皆正常</translation>
    </message>
    <message>
        <source>Save the expiry calendar</source>
        <translation>儲存到期日行事曆</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>行事曆 (*.ics)</translation>
    </message>
    <message>
        <source>✓ Saved {file}: one event per certificate, reminders 60, 30 and 7 days before</source>
        <translation>✓ 已儲存 {file}：每張憑證一個事件，於到期前 60、30 與 7 天提醒</translation>
    </message>
</context>
<context>
    <name>ProbeSetupPage</name>
    <message>
        <source>Check a running server</source>
        <translation>檢查執行中的伺服器</translation>
    </message>
    <message>
        <source>Connects to each TLS service and reads the certificates it presents. Nothing is trusted and nothing is sent beyond the handshake.</source>
        <translation>連線到每個 TLS 服務並讀取其提供的憑證。不信任任何憑證，除了交握之外不傳送任何資料。</translation>
    </message>
    <message>
        <source>optional; default: each server&apos;s name, or for an address the first name users type</source>
        <translation>選填；預設為各伺服器的名稱，若以位址連線則為第一個使用者輸入的名稱</translation>
    </message>
    <message>
        <source>optional; default: the server name sent</source>
        <translation>選填；預設為傳送的伺服器名稱</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>瀏覽(&amp;W)…</translation>
    </message>
    <message>
        <source>Brows&amp;e…</source>
        <translation>瀏覽(&amp;E)…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>IPv&amp;4</source>
        <translation>IPv&amp;4</translation>
    </message>
    <message>
        <source>IPv&amp;6</source>
        <translation>IPv&amp;6</translation>
    </message>
    <message>
        <source>Services and ports</source>
        <translation>服務與連接埠</translation>
    </message>
    <message>
        <source>Port of {service}</source>
        <translation>{service} 的連接埠</translation>
    </message>
    <message>
        <source>&amp;Servers:</source>
        <translation>伺服器(&amp;S)：</translation>
    </message>
    <message>
        <source>Na&amp;mes users type:</source>
        <translation>使用者輸入的名稱(&amp;M)：</translation>
    </message>
    <message>
        <source>Server name to sen&amp;d (SNI):</source>
        <translation>要傳送的伺服器名稱（SNI）(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;XMPP domain:</source>
        <translation>XMPP 網域(&amp;X)：</translation>
    </message>
    <message>
        <source>File it should &amp;present:</source>
        <translation>應提供的檔案(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Trusted root CA:</source>
        <translation>受信任的根 CA(&amp;T)：</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>逾時(&amp;I)：</translation>
    </message>
    <message>
        <source>Several servers: separate them with commas or spaces. A server written as host:port is checked on that port only.</source>
        <translation>多台伺服器：以逗號或空格分隔。寫成 主機:連接埠 的伺服器只檢查該連接埠。</translation>
    </message>
    <message>
        <source>The certificate the server should present</source>
        <translation>伺服器應提供的憑證</translation>
    </message>
    <message>
        <source>Trusted root CA</source>
        <translation>受信任的根 CA</translation>
    </message>
    <message>
        <source>Choose IPv4, IPv6 or both.</source>
        <translation>請選擇 IPv4、IPv6 或兩者。</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>搜尋位置(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>檔案類型(&amp;T)：</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>搜尋位置：</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>檔案類型：</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Folder</source>
        <translation>資料夾</translation>
    </message>
</context>
<context>
    <name>RenewGeneratePage</name>
    <message>
        <source>New key and request, then the new certificate</source>
        <translation>新的金鑰與請求，然後是新憑證</translation>
    </message>
    <message>
        <source>Make the key and CSR here (or type the line on the CMS), send the CSR to your CA, then choose the certificate it returns to compare it with the one in use.</source>
        <translation>在此產生金鑰與 CSR（或在 CMS 上輸入該指令），將 CSR 送交您的 CA，再選擇 CA 傳回的憑證，與使用中的憑證比較。</translation>
    </message>
    <message>
        <source>&amp;Generate the key and CSR here</source>
        <translation>在此產生金鑰與 CSR(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Open the new certificate…</source>
        <translation>開啟新憑證(&amp;O)…</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新</translation>
    </message>
    <message>
        <source>Or type this on the CMS:</source>
        <translation>或在 CMS 上輸入：</translation>
    </message>
    <message>
        <source>✓ Wrote {key} (private key, mode 0600) and {csr}: send the CSR to your CA.</source>
        <translation>✓ 已寫入 {key}（私密金鑰，權限 0600）與 {csr}：請將 CSR 送交您的 CA。</translation>
    </message>
    <message>
        <source>The new certificate from your CA</source>
        <translation>CA 核發的新憑證</translation>
    </message>
    <message>
        <source>Open the certificate your CA issued for this request to go on.</source>
        <translation>請開啟 CA 為這份請求簽發的憑證，才能繼續。</translation>
    </message>
    <message>
        <source>✓ {file} keeps every name and usage of the certificate in use</source>
        <translation>✓ {file} 保留了使用中憑證的所有名稱與用途</translation>
    </message>
    <message>
        <source>✗ {file} loses what the certificate in use had: see the marked rows</source>
        <translation>✗ {file} 少了使用中憑證原有的項目：請見標示的列</translation>
    </message>
    <message>
        <source>The issuer changed: update this trust elsewhere</source>
        <translation>簽發者已變更：請更新以下其他位置的信任</translation>
    </message>
    <message>
        <source>Trust to update</source>
        <translation>需更新的信任</translation>
    </message>
</context>
<context>
    <name>RenewRequestPage</name>
    <message>
        <source>Renew a certificate</source>
        <translation>憑證更新</translation>
    </message>
    <message>
        <source>The new request keeps the subject and names of the certificate in use, under a new name, so the live key is never overwritten.</source>
        <translation>新的請求保留使用中憑證的主體與名稱，但使用新的檔案名稱，因此絕不會覆寫使用中的金鑰。</translation>
    </message>
    <message>
        <source>type the file&apos;s path and press Enter, or Choose…</source>
        <translation>輸入檔案路徑後按 Enter，或按「選擇…」</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>選擇(&amp;C)…</translation>
    </message>
    <message>
        <source>Brows&amp;e…</source>
        <translation>瀏覽(&amp;E)…</translation>
    </message>
    <message>
        <source>The request as an MMP command</source>
        <translation>以 MMP 指令表示的請求</translation>
    </message>
    <message>
        <source>Certificate in &amp;use:</source>
        <translation>使用中的憑證(&amp;U)：</translation>
    </message>
    <message>
        <source>Basename of the &amp;live key:</source>
        <translation>使用中金鑰的基本名稱(&amp;L)：</translation>
    </message>
    <message>
        <source>Ne&amp;w basename:</source>
        <translation>新的基本名稱(&amp;W)：</translation>
    </message>
    <message>
        <source>CN (hos&amp;t name):</source>
        <translation>一般名稱 CN（主機名稱）(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Subject alt names:</source>
        <translation>主體別名 (SAN)(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Key type:</source>
        <translation>金鑰類型(&amp;K)：</translation>
    </message>
    <message>
        <source>F&amp;older:</source>
        <translation>資料夾(&amp;O)：</translation>
    </message>
    <message>
        <source>The same request, typed on the CMS:</source>
        <translation>相同的請求，在 CMS 上輸入：</translation>
    </message>
    <message>
        <source>The certificate in use</source>
        <translation>使用中的憑證</translation>
    </message>
    <message>
        <source>{path} is not a file; type the certificate&apos;s path, or Choose…</source>
        <translation>{path} 不是檔案；請輸入憑證的路徑，或按「選擇…」</translation>
    </message>
    <message>
        <source>Folder for the new key and CSR</source>
        <translation>新金鑰與 CSR 的資料夾</translation>
    </message>
    <message>
        <source>choose an existing folder</source>
        <translation>請選擇已存在的資料夾</translation>
    </message>
    <message>
        <source>Changed against the certificate in use:</source>
        <translation>與使用中的憑證相比的變更：</translation>
    </message>
    <message>
        <source>Same subject, names and key type as the certificate in use.</source>
        <translation>主體、名稱與金鑰類型皆與使用中的憑證相同。</translation>
    </message>
</context>
<context>
    <name>RenewSheetPage</name>
    <message>
        <source>Commands that swap in the new certificate</source>
        <translation>換上新憑證的指令</translation>
    </message>
    <message>
        <source>A backup snapshot first, the new file names in the certs line, the restart, the status line, then the probe to run.</source>
        <translation>先建立備份快照，接著在 certs 指令中使用新檔案名稱、重新啟動、檢查狀態，最後執行檢查。</translation>
    </message>
    <message>
        <source>optional: the CA bundle file</source>
        <translation>選填：CA 憑證套件組合檔案</translation>
    </message>
    <message>
        <source>Bui&amp;ld the full chain…</source>
        <translation>建立完整憑證信任鏈…(&amp;L)</translation>
    </message>
    <message>
        <source>Replacement commands</source>
        <translation>替換指令</translation>
    </message>
    <message>
        <source>&amp;Copy the commands</source>
        <translation>複製指令(&amp;C)</translation>
    </message>
    <message>
        <source>Save the co&amp;mmands…</source>
        <translation>儲存指令…(&amp;M)</translation>
    </message>
    <message>
        <source>CMS &amp;version:</source>
        <translation>CMS 版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>服務(&amp;S)：</translation>
    </message>
    <message>
        <source>Se&amp;rvers (FQDN, space between):</source>
        <translation>伺服器（FQDN，以空格分隔）(&amp;R)：</translation>
    </message>
    <message>
        <source>Servers that &amp;trust it:</source>
        <translation>信任此憑證的伺服器(&amp;T)：</translation>
    </message>
    <message>
        <source>Servers that trust it</source>
        <translation>信任此憑證的伺服器</translation>
    </message>
    <message>
        <source>none: no other server keeps this certificate in a trust file</source>
        <translation>無：沒有其他伺服器把此憑證放在信任檔中</translation>
    </message>
    <message>
        <source>the Call Bridges (FQDN, space between): they trust every Web Bridge 3</source>
        <translation>各台 Call Bridge（FQDN，以空格分隔）：它們信任每台 Web Bridge 3</translation>
    </message>
    <message>
        <source>the Web Bridge 3 servers (FQDN, space between): they trust every Call Bridge and Scheduler</source>
        <translation>各台 Web Bridge 3 伺服器（FQDN，以空格分隔）：它們信任每台 Call Bridge 與 Scheduler</translation>
    </message>
    <message>
        <source>the Web Bridge servers (FQDN, space between): they trust every Call Bridge</source>
        <translation>各台 Web Bridge 伺服器（FQDN，以空格分隔）：它們信任每台 Call Bridge</translation>
    </message>
    <message>
        <source>✓ {files} in {folder}: upload it to the servers that trust it</source>
        <translation>✓ {files} 已寫入 {folder}：請上傳到信任此憑證的伺服器</translation>
    </message>
    <message>
        <source>Save the commands</source>
        <translation>儲存指令</translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文字檔 (*.txt)</translation>
    </message>
    <message>
        <source>✓ Saved to {path}</source>
        <translation>✓ 已儲存到 {path}</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>金鑰檔案(&amp;K)：</translation>
    </message>
    <message>
        <source>C&amp;ertificate file:</source>
        <translation>憑證檔案(&amp;E)：</translation>
    </message>
    <message>
        <source>CA b&amp;undle file:</source>
        <translation>CA 憑證套件組合檔案(&amp;U)：</translation>
    </message>
    <message>
        <source>B&amp;ackup name:</source>
        <translation>備份名稱(&amp;A)：</translation>
    </message>
    <message>
        <source>Choose the service this certificate served: the commands differ per service.</source>
        <translation>請選擇此憑證所服務的服務：每個服務的指令不同。</translation>
    </message>
    <message>
        <source>none: this service takes one full-chain file as its certificate</source>
        <translation>無：此服務以單一完整憑證信任鏈檔案作為憑證</translation>
    </message>
</context>
<context>
    <name>SanEditor</name>
    <message>
        <source>Name or address</source>
        <translation>名稱或位址</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Subject alternative names</source>
        <translation>主體別名 (SAN)</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>新增(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Paste list</source>
        <translation>貼上清單(&amp;P)</translation>
    </message>
    <message>
        <source>Add names from the clipboard, separated by commas, spaces or lines</source>
        <translation>從剪貼簿加入名稱，以逗號、空格或換行分隔</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>What do you want to do?</source>
        <translation>您想要做什麼？</translation>
    </message>
    <message>
        <source>Certificates for Cisco Meeting Server, from request to the files on the server.</source>
        <translation>Cisco Meeting Server 的憑證：從憑證簽署請求到伺服器上的檔案。</translation>
    </message>
    <message>
        <source>Recent plans</source>
        <translation>最近的計畫</translation>
    </message>
    <message>
        <source>Pl&amp;an file:</source>
        <translation>計畫檔(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Open plan…</source>
        <translation>開啟計畫(&amp;O)…</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>&amp;Language / 語言:</source>
        <translation>語言 / Language(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>立即重新啟動(&amp;R)</translation>
    </message>
    <message>
        <source>(no plan: start from empty fields)</source>
        <translation>（無計畫：從空白欄位開始）</translation>
    </message>
    <message>
        <source>Open plan: {name}: CMS {version}, {nodes} node(s), files in {folder}. Every flow starts from it.</source>
        <translation>已開啟計畫：{name}：CMS {version}，{nodes} 個節點，檔案位於 {folder}。每個流程都會以它為起點。</translation>
    </message>
    <message>
        <source>Takes effect when the wizard restarts.</source>
        <translation>重新啟動精靈後生效。</translation>
    </message>
</context>
<context>
    <name>SubjectPage</name>
    <message>
        <source>Subject of the certificate</source>
        <translation>憑證主體</translation>
    </message>
    <message>
        <source>Fields are checked against the CMS rules as you type.</source>
        <translation>輸入時即依 CMS 規則檢查各欄位。</translation>
    </message>
    <message>
        <source> (default)</source>
        <translation>（預設）</translation>
    </message>
    <message>
        <source> — check your CMS accepts ECDSA</source>
        <translation> — 請確認您的 CMS 接受 ECDSA</translation>
    </message>
    <message>
        <source>e.g. callbridge-2026 (letters, digits, - and _)</source>
        <translation>例如 callbridge-2026（英文字母、數字、- 與 _）</translation>
    </message>
    <message>
        <source>fully qualified domain name, e.g. cms1.example.com</source>
        <translation>完整網域名稱 (FQDN)，例如 cms1.example.com</translation>
    </message>
    <message>
        <source>city, e.g. New Taipei</source>
        <translation>城市，例如 New Taipei</translation>
    </message>
    <message>
        <source>state, province or county, e.g. Taipei City</source>
        <translation>縣市，例如臺北市</translation>
    </message>
    <message>
        <source>Basename</source>
        <translation>基本名稱</translation>
    </message>
    <message>
        <source>Bas&amp;ename:</source>
        <translation>基本名稱(&amp;E)：</translation>
    </message>
    <message>
        <source>Common name</source>
        <translation>一般名稱</translation>
    </message>
    <message>
        <source>&amp;Common name (CN):</source>
        <translation>一般名稱 (CN)(&amp;C)：</translation>
    </message>
    <message>
        <source>Organi&amp;zational unit (OU):</source>
        <translation>組織單位 (OU)(&amp;Z)：</translation>
    </message>
    <message>
        <source>Organizational unit</source>
        <translation>組織單位</translation>
    </message>
    <message>
        <source>&amp;Organization (O):</source>
        <translation>組織 (O)(&amp;O)：</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>組織</translation>
    </message>
    <message>
        <source>&amp;Locality / city (L):</source>
        <translation>地區/城市 (L)(&amp;L)：</translation>
    </message>
    <message>
        <source>Locality or city</source>
        <translation>地區或城市</translation>
    </message>
    <message>
        <source>&amp;State / province (ST):</source>
        <translation>省/州 (ST)(&amp;S)：</translation>
    </message>
    <message>
        <source>State or province</source>
        <translation>省/州</translation>
    </message>
    <message>
        <source>Countr&amp;y (C):</source>
        <translation>國家/地區 (C)(&amp;Y)：</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>國家/地區</translation>
    </message>
    <message>
        <source>Subject &amp;alt names:</source>
        <translation>主體別名 (SAN)(&amp;A)：</translation>
    </message>
    <message>
        <source>Subject alternative names</source>
        <translation>主體別名 (SAN)</translation>
    </message>
    <message>
        <source>&amp;Key type:</source>
        <translation>金鑰類型(&amp;K)：</translation>
    </message>
    <message>
        <source>Key type</source>
        <translation>金鑰類型</translation>
    </message>
</context>
<context>
    <name>UploadPage</name>
    <message>
        <source>Upload to the CMS</source>
        <translation>上傳到 CMS</translation>
    </message>
    <message>
        <source>Each node&apos;s files go to its MMP over SFTP and are read back and compared. Nothing is run on the MMP: type the commands shown beside each result. Next: copy to a USB stick instead.</source>
        <translation>每個節點的檔案會以 SFTP 傳到其 MMP，並讀回比對。本工具不會在 MMP 上執行任何指令：請輸入每個結果旁顯示的指令。下一步：改為複製到 USB 隨身碟。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>傳送</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>User</source>
        <translation>使用者</translation>
    </message>
    <message>
        <source>Host key fingerprint</source>
        <translation>主機金鑰指紋</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Nodes to upload to</source>
        <translation>要上傳的節點</translation>
    </message>
    <message>
        <source>MMP password</source>
        <translation>MMP 密碼</translation>
    </message>
    <message>
        <source>SSH key file</source>
        <translation>SSH 金鑰檔案</translation>
    </message>
    <message>
        <source>optional: log in with an SSH key instead</source>
        <translation>選用：改以 SSH 金鑰登入</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>瀏覽(&amp;W)…</translation>
    </message>
    <message>
        <source>&amp;Replace files that already exist on the MMP (a live key&apos;s file breaks its service)</source>
        <translation>取代 MMP 上已存在的檔案(&amp;R)（取代使用中金鑰的檔案會使其服務中斷）</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>上傳(&amp;U)</translation>
    </message>
    <message>
        <source>Node / file</source>
        <translation>節點 / 檔案</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細資料</translation>
    </message>
    <message>
        <source>Upload results</source>
        <translation>上傳結果</translation>
    </message>
    <message>
        <source>Details of the selected file</source>
        <translation>所選檔案的詳細資料</translation>
    </message>
    <message>
        <source>Commands for the selected node</source>
        <translation>所選節點的指令</translation>
    </message>
    <message>
        <source>MMP &amp;password:</source>
        <translation>MMP 密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>SSH &amp;key file:</source>
        <translation>SSH 金鑰檔案(&amp;K)：</translation>
    </message>
    <message>
        <source>not uploaded</source>
        <translation>尚未上傳</translation>
    </message>
    <message>
        <source>Upload to {node}</source>
        <translation>上傳到 {node}</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>SSH 私密金鑰</translation>
    </message>
    <message>
        <source>{value} is not a port; give 1 to 65535</source>
        <translation>{value} 不是連接埠；請輸入 1 到 65535</translation>
    </message>
    <message>
        <source>type the MMP password, or choose an SSH key file</source>
        <translation>請輸入 MMP 密碼，或選擇 SSH 金鑰檔案</translation>
    </message>
    <message>
        <source>nodes</source>
        <translation>節點</translation>
    </message>
    <message>
        <source>tick at least one node to upload to</source>
        <translation>請至少勾選一個要上傳的節點</translation>
    </message>
    <message>
        <source>not sent: the host key type changed and was not accepted</source>
        <translation>未傳送：主機金鑰類型已變更，且未被接受</translation>
    </message>
    <message>
        <source>not sent: host key not accepted</source>
        <translation>未傳送：未接受主機金鑰</translation>
    </message>
    <message>
        <source>all verified</source>
        <translation>全部已驗證</translation>
    </message>
    <message>
        <source>NOT all verified</source>
        <translation>並非全部已驗證</translation>
    </message>
</context>
</TS>
