# Giao diện của Trợ lý Dịch vụ công (tiếng Việt).
# Mỗi id phải có trong locales/en/app.ftl.

app-name = Trợ lý Dịch vụ công

## Đầu trang và điều hướng

nav-skip-to-content = Chuyển đến nội dung chính
nav-home = Về trang chủ
nav-language = Ngôn ngữ
nav-text-size = Cỡ chữ
nav-text-size-help = Phóng to chữ để dễ đọc. Phím tắt: Ctrl và dấu + để phóng to, Ctrl và dấu - để thu nhỏ, Ctrl và số 0 để về cỡ thường.
nav-language-vi = Tiếng Việt
nav-language-en = English
nav-label = Các mục chính
nav-profiles = Người khai đã lưu
nav-submissions = Hồ sơ đã nộp
nav-desk = Quầy một cửa
nav-sessions = Tiếp công dân

## Cổng Dịch vụ công (đầu trang)

portal-training = Chế độ tập huấn
portal-training-help = Bạn đang dùng Cổng Dịch vụ công tập huấn. Hồ sơ nộp ở đây chỉ để thực hành: không được gửi đến cơ quan nào và không có giá trị pháp lý. Tài khoản đang đăng nhập là một người dân giả định của cổng tập huấn, không phải tài khoản của bạn.
portal-connection = Kết nối với Cổng Dịch vụ công:{ " " }
portal-online = Đã kết nối
portal-offline = Mất kết nối
portal-account-training = Tài khoản tập huấn:
portal-account = Tài khoản:
portal-officer-role = Cán bộ một cửa:
portal-desk = Quầy:
portal-desk-not-set = Chưa thiết lập quầy
portal-serving = Đang phục vụ:
portal-serving-none = Chưa tiếp công dân nào
portal-officer-account = { $name } (cán bộ một cửa)
portal-signed-out = Chưa đăng nhập
portal-sign-in = Đăng nhập
portal-sign-out = Đăng xuất
portal-sign-in-cancel = Đóng
portal-choose-training-account = Chọn tài khoản tập huấn để đăng nhập:
portal-choose-test-account = Chọn tài khoản thử nghiệm để đăng nhập:
portal-sign-in-browser = Đăng nhập qua trình duyệt bằng tài khoản định danh điện tử (VNeID)
portal-browser-account = Tài khoản định danh điện tử
portal-signed-in = Đã đăng nhập bằng tài khoản { $name }.
portal-signed-out-done = Đã đăng xuất. Hồ sơ đang chờ sẽ được gửi sau khi bạn đăng nhập lại.

## Dùng chung

common-loading = Đang tải, vui lòng chờ trong giây lát…
common-retry = Thử lại
common-yes = Có
common-no = Không
common-error-prefix = Lỗi:
common-error-unexpected = Đã có lỗi xảy ra. Vui lòng thử lại; nếu vẫn không được, hãy đóng rồi mở lại ứng dụng.

## Trang chủ

home-title = Bạn cần làm thủ tục gì?
home-intro = Bạn có thể tìm thủ tục hành chính, xem cần chuẩn bị những giấy tờ gì, rồi khai thông tin theo từng bước.
home-search-label = Tìm thủ tục
home-search-hint = Vui lòng gõ vài từ, có dấu hoặc không dấu. Ví dụ: khai sinh, kết hôn, đổi bằng lái.
home-results-title = Danh sách thủ tục
home-searching = Đang tìm…
home-result-count =
    { $count ->
        [0] Không tìm thấy thủ tục nào phù hợp. Bạn vui lòng thử từ khác.
       *[other] Có { $count } thủ tục.
    }
home-result-agency = Nơi giải quyết: { $level }
home-result-fee = Phí, lệ phí: { $fee }
home-place = Mức phí trên trang thủ tục tính theo { $name }.
home-place-formerly = { $formerly } nay thuộc { $name }. Mức phí trên trang thủ tục tính theo { $name }.
home-result-matched-keyword = Vì liên quan đến “{ $text }”
home-result-matched-document = Vì cần giấy tờ “{ $text }”
home-elsewhere-title = Thủ tục “{ $name }” chưa có trong ứng dụng này.
home-search-portal-hint = Bạn cũng có thể tìm mọi thủ tục trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), hoặc hỏi bộ phận một cửa của xã, phường.
home-topics-title = Tìm theo lĩnh vực
home-life-events-title = Tìm theo sự kiện trong cuộc sống
home-filter-active = Đang xem các thủ tục thuộc: { $filter }
home-filter-clear = Bỏ lọc, xem tất cả
home-notice-dismiss = Đã hiểu, đóng thông báo

## Trang thủ tục

procedure-code = Mã thủ tục: { $code }
procedure-start = Bắt đầu khai
procedure-start-another = Tạo hồ sơ mới
procedure-existing-title = Bạn đang có { $count } hồ sơ đang soạn cho thủ tục này
procedure-existing-resume = Tiếp tục hồ sơ “{ $name }” (sửa lần cuối lúc { $when })
procedure-back-home = Quay lại trang chủ
procedure-documents-title = Thành phần hồ sơ
procedure-document-conditional = Chỉ cần trong một số trường hợp; ứng dụng sẽ cho bạn biết khi khai.
procedure-facts-title = Thông tin về thủ tục
procedure-fee-title = Phí, lệ phí
procedure-fee-rules-title = Trường hợp riêng:
procedure-fee-rule = { $reason } Mức thu: { $fee }.
procedure-fee-province = Tỉnh, thành phố nơi nộp hồ sơ
procedure-fee-province-none = Chưa chọn (xem quy định chung)
procedure-fee-online = Nộp trực tuyến: { $fee }
procedure-fee-counter = Nộp trực tiếp hoặc qua bưu chính: { $fee }
procedure-fee-case-online = (nộp trực tuyến)
procedure-fee-case-counter = (nộp trực tiếp)
procedure-fee-failed = Chưa tải được mức phí, lệ phí. Cơ quan tiếp nhận sẽ báo số tiền khi nhận hồ sơ.
procedure-processing-time-title = Thời hạn giải quyết
procedure-agency-title = Cơ quan giải quyết
procedure-agency-level = Cấp giải quyết: { $level }
procedure-online-title = Hình thức thực hiện
procedure-legal-basis-title = Căn cứ pháp lý
procedure-legal-reference = { $number } — { $title }
procedure-notes-title = Ghi chú
procedure-unverified = Một số thông tin về thủ tục này chưa được đối chiếu với văn bản chính thức; hãy hỏi lại cơ quan tiếp nhận trước khi nộp.

## Khai thông tin từng bước

wizard-progress = Bước { $current }/{ $total }
wizard-optional = (không bắt buộc)
wizard-back = Quay lại
wizard-next = Tiếp tục
wizard-error-summary-title = Vui lòng sửa các lỗi sau
wizard-error-link = { $label }: { $message }
wizard-date-placeholder = ngày/tháng/năm
wizard-date-hint = Theo dạng ngày/tháng/năm, ví dụ 05/09/2024.
wizard-address-province = Tỉnh, thành phố
wizard-address-province-choose = Chọn tỉnh, thành phố
wizard-address-commune-filter = Tìm nhanh xã, phường, đặc khu theo tên mới hoặc tên cũ
wizard-address-commune-picked = Đã chọn { $name }, nơi duy nhất khớp với tên bạn gõ.
wizard-address-commune-none = Không tìm thấy xã, phường, đặc khu nào có tên này, kể cả tên cũ trước ngày 01/07/2025. Vui lòng kiểm tra chính tả, hoặc xóa chữ trong ô tìm nhanh rồi chọn trong danh sách.
wizard-address-commune = Xã, phường, đặc khu
wizard-address-commune-choose = Chọn xã, phường, đặc khu
wizard-address-commune-first = Vui lòng chọn tỉnh, thành phố trước
wizard-address-commune-option-formerly = { $name } ({ $formerly })
wizard-address-formerly = trước đây: { $name }
wizard-address-formerly-part = trước đây: một phần của { $name }
wizard-address-street = Số nhà, tên đường; thôn, ấp, bản hoặc tổ dân phố

## Kiểm tra lại thông tin

review-title = Kiểm tra lại thông tin
review-intro = Bạn vui lòng đọc lại các câu trả lời. Nếu cần sửa, bấm “Thay đổi” ở dòng tương ứng.
review-change = Thay đổi
review-change-field = { " " }câu trả lời “{ $label }”
review-not-answered = Chưa trả lời
review-documents-title = Giấy tờ cần chuẩn bị
review-documents-intro = Vui lòng chuẩn bị các giấy tờ sau để nộp kèm hồ sơ.
review-document-files = Định dạng tệp: { $kinds }; dung lượng tối đa { $size } MB.
review-fee-title = Phí, lệ phí
fee-item = { $label }: { $count } × { $each } = { $total }
fee-total = Tổng cộng: { $total }
fee-total-plus-province = Tổng cộng: { $total }, cộng thêm lệ phí do tỉnh quy định
fee-until = Mức này áp dụng đến hết ngày { $date }.
fee-province-unknown = Ứng dụng chưa có mức thu do { $province } quy định, nên không tính sẵn số tiền. Dưới đây là quy định chung; cơ quan tiếp nhận sẽ báo số tiền khi nhận hồ sơ.
review-ready = Hồ sơ đã đủ thông tin và giấy tờ cần đính kèm. Bạn bấm “Nộp hồ sơ” để gửi hồ sơ lên Cổng Dịch vụ công.
review-signed-out = Bạn chưa đăng nhập. Bạn vẫn có thể bấm “Nộp hồ sơ”: hồ sơ sẽ chờ trên máy này và tự gửi ngay khi bạn đăng nhập.
review-not-ready = Hồ sơ chưa đủ thông tin. Vui lòng hoàn thành các bước sau rồi bấm “Nộp hồ sơ”:
review-files-missing = Còn { $count } giấy tờ chưa đính kèm tệp. Vui lòng đính kèm bản chụp hoặc bản quét rồi bấm “Nộp hồ sơ”:
review-attach-document = Đính kèm { $name }
review-to-follow = Cơ quan nhận hồ sơ trước, nhưng sau khi nộp bạn vẫn cần nộp thêm:
review-go-to-step = Đi đến bước “{ $title }”
review-submit = Nộp hồ sơ
review-channel = Hình thức tiếp nhận
review-channel-hint = Hồ sơ được gửi lên Cổng Dịch vụ công dưới dạng cán bộ nộp thay công dân đang được phục vụ, kèm tên quầy và sự đồng ý của công dân.
review-channel-desk = Công dân nộp hồ sơ trực tiếp tại quầy
review-channel-online = Cán bộ hỗ trợ công dân nộp trực tuyến
review-submitting = Đang nộp hồ sơ…
review-training = Ứng dụng đang ở chế độ tập huấn: hồ sơ chỉ được gửi đến Cổng Dịch vụ công tập huấn để thực hành, không được nộp thật.

## Sau khi bấm “Nộp hồ sơ”

submit-result-online = Hồ sơ đang được gửi lên Cổng Dịch vụ công.
submit-result-offline = Chưa có kết nối. Hồ sơ đã được lưu trên máy và sẽ tự động gửi khi có kết nối trở lại.
submit-result-training = (chế độ tập huấn)
submit-result-signed-out = Hồ sơ đã được lưu trên máy và đang chờ bạn đăng nhập để gửi lên Cổng Dịch vụ công.
submit-result-to-follow = Việc còn phải làm: nộp thêm cho cơ quan tiếp nhận các giấy tờ sau:

## Hồ sơ đã nộp

submissions-title = Hồ sơ đã nộp
submissions-intro = Đây là các hồ sơ đã nộp từ máy này. Trạng thái hồ sơ được cập nhật tự động từ Cổng Dịch vụ công.
submissions-empty = Bạn chưa nộp hồ sơ nào từ máy này.
submissions-queued-title = Chưa gửi lên Cổng Dịch vụ công
submissions-dossiers-title = Đã có mã hồ sơ
submissions-person = Người khai: { $name }
submissions-waiting = Đang chờ gửi
submissions-waiting-sign-in = Chờ bạn đăng nhập để gửi
submissions-waiting-retried = Đang chờ gửi, đã thử { $count } lần
submissions-queued-at = Nộp lúc { $when }
submissions-next-attempt = Lần gửi tiếp theo: { $when }
submissions-code = Mã hồ sơ: { $code }
submissions-status = Trạng thái:
submissions-fee = Phí, lệ phí: { $fee }
submissions-next-result = Việc tiếp theo: kết quả đã sẵn sàng. Bạn mang thẻ căn cước đến { $agency } để nhận kết quả (hoặc nhận theo cách đã đăng ký khi nộp). Nếu có giấy tờ phải mang bản chính, bạn mang theo luôn.
submissions-next-result-agency = cơ quan đã tiếp nhận hồ sơ
submissions-show-sent = Xem thông tin đã nộp
submissions-show-sent-of = { " " }của hồ sơ { $code }
sent-title = Thông tin đã nộp trong hồ sơ { $code }
sent-intro = Đây là các câu trả lời và giấy tờ đã gửi lên Cổng Dịch vụ công. Hồ sơ đã nộp không sửa được nữa.
sent-file = Đã gửi tệp: { $name }
sent-to-follow = Còn phải nộp sau cho cơ quan tiếp nhận.
sent-back = Quay lại danh sách hồ sơ đã nộp
submissions-timeline = Quá trình giải quyết
submissions-due = Ngày hẹn trả kết quả: { $date }
submissions-handler = Người xử lý: { $name }
submissions-due-set = Hẹn trả kết quả ngày { $date }
submissions-due-moved = Ngày hẹn trả đổi từ { $from } sang { $to }
submissions-due-apology = Cơ quan giải quyết đã gửi thư xin lỗi và hẹn lại ngày trả kết quả.
submissions-due-reason = Lý do:
submissions-note = Ghi chú của cơ quan giải quyết:
submissions-back-home = Quay lại trang chủ

## Thông báo từ Cổng Dịch vụ công

toast-close = Đóng thông báo
sync-delivered = Hồ sơ đã được gửi. Mã hồ sơ: { $code }
sync-status-changed = Hồ sơ { $code }: { $status }
sync-status-note = Ghi chú:
sync-due-changed = Hồ sơ { $code }: ngày hẹn trả kết quả mới là { $date }
sync-due-apology = Cơ quan giải quyết đã gửi thư xin lỗi.
sync-rejected = Cổng Dịch vụ công trả lại hồ sơ để sửa. Vui lòng mở hồ sơ và sửa các mục được đánh dấu.
sync-rejected-refused = Cổng Dịch vụ công không nhận hồ sơ này và không nêu lý do. Vui lòng mở hồ sơ, kiểm tra lại rồi nộp lại, hoặc liên hệ cơ quan tiếp nhận.
sync-open-draft = Mở hồ sơ để sửa

## Hồ sơ bị Cổng Dịch vụ công trả lại

rejection-title = Cổng Dịch vụ công chưa nhận hồ sơ vì một số thông tin chưa đúng.
rejection-intro = Vui lòng sửa các mục dưới đây (lỗi được ghi ngay dưới từng câu hỏi), rồi bấm “Nộp hồ sơ” để nộp lại:
rejection-item = { $label }: { $message }
rejection-all-changed = Bạn đã sửa các mục được đánh dấu. Vui lòng kiểm tra lại thông tin rồi bấm “Nộp hồ sơ” để nộp lại.
rejection-title-refused = Cổng Dịch vụ công chưa nhận hồ sơ này.
rejection-no-detail = cổng không nêu lý do cụ thể
rejection-detail = Cổng Dịch vụ công ghi: “{ $detail }”
rejection-next-step = Vui lòng kiểm tra lại hồ sơ rồi bấm “Nộp hồ sơ” để nộp lại. Nếu vẫn không được, hãy liên hệ cơ quan tiếp nhận hồ sơ.

## Hồ sơ đang soạn (trang chủ)

drafts-title = Hồ sơ đang soạn
drafts-person = Người khai: { $name }
drafts-subject = Khai cho: { $name }
drafts-name-with-subject = { $procedure } cho { $subject }
drafts-updated = Sửa lần cuối lúc { $when }
drafts-progress = Đã xong { $done }/{ $total } bước
drafts-resume = Tiếp tục
drafts-rename = Đổi tên
drafts-duplicate = Tạo bản sao
drafts-delete = Xóa
drafts-about = { " " }hồ sơ “{ $name }”
drafts-rename-label = Tên hồ sơ
drafts-rename-hint = Đặt tên để bạn dễ nhận ra, ví dụ: Khai sinh cho bé Na. Để trống nếu không cần.
drafts-rename-save = Lưu
drafts-rename-cancel = Hủy
drafts-renamed = Đã đổi tên hồ sơ.
drafts-duplicated = Đã tạo một bản sao của hồ sơ “{ $name }”.
drafts-delete-title = Bạn có chắc muốn xóa hồ sơ này?
drafts-delete-body = Hồ sơ “{ $name }” cùng các câu trả lời và tệp đính kèm sẽ bị xóa khỏi máy này. Ngay sau khi xóa, bạn vẫn có thể bấm “Khôi phục” trong vài giây.
drafts-delete-confirm = Xóa hồ sơ
drafts-delete-cancel = Không xóa
drafts-deleted = Đã xóa hồ sơ
drafts-undo = Khôi phục
drafts-restored = Đã khôi phục hồ sơ.
drafts-rejected = Cần sửa để nộp lại

## Bắt đầu khai: khai cho ai

start-who-title = Bạn khai cho ai?
start-who-hint = Nếu chọn một người khai đã lưu, ứng dụng điền sẵn các câu hỏi ghi dưới tên người đó; bạn vẫn có thể sửa lại.
start-who-fills = Sẽ điền sẵn: { $fields }.
start-who-fills-nothing = Thủ tục này không có câu hỏi nào điền được từ thông tin đã lưu của người này.
start-who-fills-later = Khi bạn cho biết mình là ai trong hồ sơ, ứng dụng điền thêm phần thông tin của bạn.
start-who-nobody = Người khác (không điền sẵn)
start-who-required = Vui lòng cho biết bạn khai cho ai: chọn một người khai đã lưu, hoặc chọn “Người khác”.
start-who-continue = Tiếp tục
start-who-cancel = Hủy

## Tự động lưu

save-auto = Câu trả lời của bạn được tự động lưu trên máy này.
save-saving = Đang lưu…
save-saved = Đã lưu lúc { $time }
save-failed = Chưa lưu được câu trả lời vừa nhập. Vui lòng không đóng ứng dụng cho đến khi lưu xong.

## Thông tin điền sẵn từ người khai đã lưu

prefill-badge = Điền sẵn từ thông tin người khai đã lưu
copied-badge = Điền sẵn theo bước “{ $step }”. Bạn sửa lại nếu chưa đúng.
prefill-save-to-profile = Lưu vào thông tin người khai
prefill-save-field = { " " }câu trả lời “{ $label }”
prefill-saved = Đã lưu câu trả lời vào thông tin người khai.

## Thủ tục được cập nhật

upgrade-title = Thủ tục đã được cập nhật (phiên bản { $from } → { $to }).
upgrade-removed = Các câu trả lời không còn dùng: { $questions }.
upgrade-added = Câu hỏi mới cần trả lời: { $questions }.
upgrade-nothing = Các câu trả lời của bạn vẫn được giữ nguyên.
upgrade-dismiss = Đã hiểu

## Giấy tờ và tệp đính kèm

attach-panel-title = Giấy tờ cần chuẩn bị
attach-panel-count = (đã đính kèm { $done }/{ $total })
document-filled-by-app = Không cần đính kèm tệp.
document-to-follow = Có thể nộp sau: cơ quan vẫn nhận hồ sơ khi chưa có giấy tờ này, bạn bổ sung sau.
document-missing = Chưa đính kèm. Cần có trước khi nộp hồ sơ.
attach-panel-hint = Bạn có thể đính kèm bản chụp hoặc bản quét của từng giấy tờ ngay bây giờ, hoặc để sau.
attach-rules = { $kinds }; tối đa { $size } MB
attach-button = Đính kèm tệp
attach-replace = Thay tệp
attach-remove = Gỡ tệp
attach-for = { " " }cho “{ $name }”
attach-busy = Vui lòng chọn tệp trong cửa sổ vừa mở; ứng dụng sẽ kiểm tra và lưu tệp…
attach-file-label = Tệp đã đính kèm:{ " " }
attach-file-meta = { $kind } · { $size }
attach-preview-alt = Ảnh thu nhỏ của tệp { $name }
attach-filter-name = Bản chụp hoặc bản quét (PDF, JPEG, PNG)
attach-done = Đã đính kèm tệp { $name }.
attach-removed = Đã gỡ tệp { $name }.

## Người khai đã lưu

profiles-title = Người khai đã lưu
profiles-intro = Bạn có thể lưu thông tin của mình và của người thân tại đây một lần; khi khai thủ tục, ứng dụng sẽ điền sẵn giúp bạn. Thông tin chỉ được lưu trên máy tính này.
profiles-empty = Chưa lưu thông tin người khai nào. Bạn bấm “Thêm người khai” để bắt đầu.
profiles-new = Thêm người khai
profiles-edit = Sửa
profiles-delete = Xóa
profiles-about = { " " }thông tin của “{ $label }”
profiles-no-facts = Chưa có thông tin nào của người này.
profiles-back-home = Quay lại trang chủ
profiles-saved = Đã lưu thông tin của “{ $label }”.
profiles-deleted = Đã xóa thông tin của “{ $label }”.
profiles-delete-title = Bạn có chắc muốn xóa thông tin của người này?
profiles-delete-body = Thông tin của “{ $label }” sẽ bị xóa khỏi máy này. Các hồ sơ đang soạn đã được điền từ thông tin này vẫn giữ nguyên câu trả lời.
profiles-delete-confirm = Xóa thông tin
profiles-delete-cancel = Không xóa
profiles-form-new-title = Thêm người khai
profiles-form-edit-title = Sửa thông tin của “{ $label }”
profiles-form-intro = Bạn chỉ cần điền những thông tin muốn lưu; có thể bổ sung sau.
profiles-label = Tên gọi
profiles-label-hint = Để bạn dễ nhận ra, ví dụ: Tôi, Mẹ, Con trai. Nếu để trống, ứng dụng sẽ dùng họ và tên.
profiles-label-required = Vui lòng đặt tên gọi hoặc nhập họ, chữ đệm và tên.
profiles-full-name = Họ, chữ đệm và tên
profiles-full-name-hint = Viết có dấu, đúng như trên thẻ căn cước (hoặc thẻ căn cước công dân còn hạn).
profiles-citizen-id = Số định danh cá nhân
profiles-citizen-id-hint = Gồm 12 chữ số, in trên thẻ căn cước (hoặc thẻ căn cước công dân còn hạn).
profiles-birth-date = Ngày sinh
profiles-birth-date-hint = Theo dạng ngày/tháng/năm, ví dụ 05/09/1990.
profiles-sex = Giới tính
profiles-sex-male = Nam
profiles-sex-female = Nữ
profiles-phone = Số điện thoại di động
profiles-phone-hint = Gồm 10 chữ số, ví dụ 0912345678.
profiles-email = Thư điện tử (email)
profiles-permanent-address = Nơi thường trú
profiles-current-address = Nơi ở hiện tại
profiles-save = Lưu thông tin
profiles-cancel = Hủy

# Lúc khởi động, khi mở dữ liệu bằng khóa trong kho khóa mất hơn một chút.
startup-opening = Đang mở dữ liệu đã mã hóa trên máy này…

# Mở dữ liệu bằng mật khẩu, trên máy tính không có kho khóa của hệ điều hành.
unlock-title = Mở dữ liệu trên máy này
unlock-new-title = Đặt mật khẩu bảo vệ dữ liệu
unlock-why = Máy tính này không có kho khóa của hệ điều hành, nên dữ liệu lưu trên máy (hồ sơ đang soạn, thông tin cá nhân, giấy tờ đã quét) được bảo vệ bằng một mật khẩu. Mỗi lần mở ứng dụng, bạn cần nhập mật khẩu này.
unlock-intro = Vui lòng nhập mật khẩu để mở dữ liệu.
unlock-new-intro = Đây là lần đầu ứng dụng lưu dữ liệu trên máy này. Vui lòng đặt một mật khẩu và nhập hai lần.
unlock-new-warning = Lưu ý: nếu quên mật khẩu này, không ai mở được dữ liệu trên máy này nữa, kể cả bộ phận hỗ trợ. Vui lòng ghi nhớ hoặc cất giữ mật khẩu ở nơi an toàn.
unlock-passphrase = Mật khẩu
unlock-new-passphrase = Mật khẩu mới
unlock-new-hint = Ít nhất { $min } ký tự. Một câu ngắn dễ nhớ, gồm vài từ, là mật khẩu tốt.
unlock-confirm = Nhập lại mật khẩu
unlock-mismatch = Hai lần nhập mật khẩu chưa giống nhau. Vui lòng nhập lại.
unlock-show = Hiện mật khẩu
unlock-submit = Mở dữ liệu
unlock-new-submit = Đặt mật khẩu và mở ứng dụng
unlock-busy = Đang mở dữ liệu, vui lòng chờ trong giây lát…

payment-title = Nộp phí, lệ phí
payment-kind-levy = lệ phí
payment-kind-charge = phí
payment-total = Tổng cộng: { $amount }
payment-until = Hạn thanh toán: { $when }
payment-training = Đây là mã của chế độ tập huấn: ngân hàng trong mã không có thật, không có tiền nào được chuyển.
payment-code-alt = Mã VietQR để nộp { $amount }
payment-bank = Ngân hàng
payment-account = Số tài khoản
payment-holder = Chủ tài khoản
payment-amount = Số tiền
payment-purpose = Nội dung chuyển khoản
payment-scan-help = Mở ứng dụng ngân hàng trên điện thoại, chọn quét mã QR rồi quét mã này; số tiền và nội dung đã được điền sẵn. Nếu chuyển khoản bằng tay, hãy ghi đúng số tiền và nội dung như trên. Trạng thái hồ sơ tự cập nhật khi ngân hàng báo đã nhận tiền.
payment-paid = Đã thanh toán lúc { $when }.
payment-expired = Yêu cầu thanh toán này đã hết hạn. Cơ quan giải quyết sẽ gửi yêu cầu mới nếu bạn vẫn cần nộp.
payment-failed = Lần thanh toán này không thành công. Cơ quan giải quyết sẽ gửi yêu cầu mới nếu bạn vẫn cần nộp.
payment-collected-with-supplement = · thu khi nộp hồ sơ bổ sung
payment-collected-with-result = · thu khi trả kết quả

## After submission: what the agency asks, the result, withdrawal, rating, feedback

sync-action-done = { $action ->
    [supplement] Đã gửi phần bổ sung của hồ sơ { $code }.
    [withdrawal] Đã gửi yêu cầu rút hồ sơ { $code }.
    [rating] Đã gửi đánh giá hồ sơ { $code }. Cảm ơn bạn.
   *[feedback] Đã gửi phản ánh, kiến nghị.
}
sync-action-refused = { $action ->
    [supplement] Cổng Dịch vụ công không nhận phần bổ sung của hồ sơ { $code }.
    [withdrawal] Cổng Dịch vụ công không nhận yêu cầu rút hồ sơ { $code }.
    [rating] Cổng Dịch vụ công không nhận đánh giá hồ sơ { $code }.
   *[feedback] Cổng Dịch vụ công không nhận phản ánh, kiến nghị.
}
sync-feedback-answered = Phản ánh { $code } đã có trả lời.
sync-result-saved = Đã tải kết quả của hồ sơ { $code } về máy.

supplement-title = Cơ quan yêu cầu bổ sung hồ sơ
supplement-reason = Lý do:
supplement-item-document = Giấy tờ: { $name }
supplement-item-answer = Thông tin: { $name }
supplement-contact = Liên hệ: { $contact }
supplement-deadline = Hạn bổ sung: { $date }
supplement-asked-at = Yêu cầu lúc { $when }
supplement-answered = Đã bổ sung đủ lúc { $when }. Hồ sơ tiếp tục được giải quyết.
supplement-sending = Phần bổ sung đang chờ gửi; ứng dụng tự gửi khi có kết nối.
supplement-files-sending = Cổng đã nhận phần bổ sung, đang chờ nhận đủ tệp.
supplement-refused = Phần bổ sung chưa được nhận.
supplement-open = Bổ sung hồ sơ
supplement-open-help = Chỉ những mục cơ quan yêu cầu được mở để sửa; các thông tin và tệp bạn đã nộp được giữ nguyên.
supplement-elsewhere = Hồ sơ này không được lập trên máy này. Bạn bổ sung trên Cổng Dịch vụ công hoặc mang giấy tờ đến nơi đã nộp hồ sơ.
supplement-page-title = Bổ sung hồ sơ { $code }
supplement-page-intro = Dưới đây chỉ có những mục cơ quan yêu cầu. Thông tin và tệp bạn đã nộp trước đó được điền sẵn; hãy sửa hoặc đính kèm tệp mới rồi bấm "Gửi bổ sung".
supplement-closed = Hồ sơ này không còn chờ bổ sung.
supplement-incomplete = Vẫn còn mục cơ quan yêu cầu chưa có câu trả lời hợp lệ hoặc chưa có tệp. Vui lòng xem các mục được đánh dấu bên dưới.
supplement-files-hint = Nếu cơ quan yêu cầu chụp lại giấy tờ, hãy bấm "Thay tệp" và chọn bản chụp mới.
supplement-send = Gửi bổ sung
supplement-later = Để sau

result-title = Kết quả giải quyết
result-kept = Đã tải về và kiểm tra
result-open = Mở
result-downloading = Đang tải về máy…
result-paper = Bản giấy: nhận từ ngày { $date }.
result-paper-place = Nơi nhận:
result-paper-hours = Giờ làm việc:
result-paper-bring = Khi đi nhận, bạn mang theo:

receipt-show = Xem biên lai điện tử
receipt-hide = Ẩn biên lai
receipt-form = Mẫu số
receipt-series = Ký hiệu
receipt-number = Số
receipt-collector = Đơn vị thu
receipt-tax-code = Mã số thuế
receipt-payer = Người nộp
receipt-dossier = Mã hồ sơ
receipt-issued = Ngày lập
receipt-line = Khoản thu
receipt-amount = Số tiền
receipt-in-words = Bằng chữ
receipt-total = Tổng cộng
receipt-signed-by = Người ký: { $name } (chữ ký số)
receipt-signature-ok = Chữ ký số của Cổng Dịch vụ công trên biên lai hợp lệ.
receipt-signature-bad = Không xác minh được chữ ký số trên biên lai này. Hãy liên hệ cơ quan thu trước khi dùng biên lai.
receipt-amounts-ok = Các khoản cộng đúng tổng, số tiền bằng số và bằng chữ khớp nhau.
receipt-amounts-bad = Số tiền trên biên lai không khớp (bằng số, bằng chữ hoặc tổng cộng). Hãy liên hệ cơ quan thu.
receipt-print = In biên lai

withdraw-start = Rút hồ sơ
withdraw-reason-label = Lý do rút hồ sơ
withdraw-reason-hint = Cơ quan giải quyết sẽ dừng giải quyết và gửi thông báo. Chỉ rút được khi chưa có kết quả.
withdraw-send = Gửi yêu cầu rút hồ sơ
withdraw-cancel = Không rút nữa
withdraw-sending = Yêu cầu rút hồ sơ đang chờ gửi.
withdraw-refused = Yêu cầu rút hồ sơ chưa được nhận.
withdraw-notice-title = Thông báo dừng giải quyết hồ sơ số { $number }
withdraw-notice-by = Cơ quan ban hành:

# The questions paraphrase indices 1–9 of the rating set in one provincial
# system (TieuChiDanhGiaHaiLong.json, matching TT 01/2018/TT-VPCP); whether
# TT 03/2025 changed them is unverified (../shared/facts/after-submission-and-desk.md §4).
rating-start = Đánh giá mức độ hài lòng
rating-title = Đánh giá việc giải quyết hồ sơ
rating-intro = Mỗi hồ sơ chỉ được đánh giá một lần. Chọn một mức cho mỗi câu.
rating-criterion-1 = Tổng thời gian giải quyết so với thời hạn theo quy định
rating-criterion-2 = Thời gian giải quyết của từng cơ quan, đơn vị so với quy định
rating-criterion-3 = Số lần bạn phải liên hệ để hoàn thiện hồ sơ (không lần nào là tốt)
rating-criterion-4 = Số cơ quan, đơn vị bạn phải liên hệ (chỉ một nơi là tốt)
rating-criterion-5 = Việc nộp hồ sơ và nhận kết quả tại một nơi (Bộ phận Một cửa)
rating-criterion-6 = Việc công khai thủ tục hành chính (đầy đủ, dễ tìm)
rating-criterion-7 = Thái độ của cán bộ khi hướng dẫn, tiếp nhận và giải quyết
rating-criterion-8 = Việc tiếp nhận và trả lời phản ánh, kiến nghị
rating-criterion-9 = Việc cập nhật tiến độ giải quyết trên dịch vụ công trực tuyến
rating-points-2 = Tốt
rating-points-1 = Đạt
rating-points-0 = Chưa đạt
rating-ease = Mức độ dễ dàng khi thực hiện thủ tục
rating-overall = Mức độ hài lòng chung
rating-level-very_satisfied = Rất hài lòng
rating-level-satisfied = Hài lòng
rating-level-dissatisfied = Không hài lòng
rating-comment = Góp ý thêm (không bắt buộc)
rating-send = Gửi đánh giá
rating-cancel = Để sau
rating-sending = Đánh giá đang chờ gửi.
rating-given = Bạn đã đánh giá lúc { $when }: { $overall }.

feedback-title = Phản ánh, kiến nghị
feedback-intro = Gửi phản ánh, kiến nghị về một hồ sơ (chậm trễ, thái độ phục vụ, yêu cầu không đúng quy định) hoặc về thủ tục nói chung. Cổng cấp mã để bạn theo dõi câu trả lời.
feedback-about = Về việc
feedback-about-general = Thủ tục, dịch vụ nói chung
feedback-about-dossier = Hồ sơ { $code }
feedback-subject = Tiêu đề
feedback-content = Nội dung
feedback-with-files = Đính kèm tệp (chọn tệp khi bấm gửi; tối đa 5 tệp PDF, JPG, PNG, mỗi tệp 10 MB)
feedback-send = Gửi phản ánh
feedback-queued = Đã đưa phản ánh vào hàng chờ gửi.
feedback-sending = { $count } phản ánh đang chờ gửi.
feedback-refused = Một phản ánh chưa được nhận.
feedback-code = Mã phản ánh: { $code }
feedback-files = { $count } tệp đính kèm
feedback-answer-by = Trả lời của { $by } lúc { $when }:
feedback-no-answer = Chưa có trả lời.

## Support

support-copy = Sao chép thông tin hỗ trợ
support-hint = Dùng khi gọi bộ phận hỗ trợ: phiên bản, cài đặt, tình trạng kết nối và các lỗi gần đây, không có thông tin cá nhân.
support-copied = Đã sao chép thông tin hỗ trợ. Bạn dán vào tin nhắn hoặc thư gửi bộ phận hỗ trợ.
support-copy-manual = Không sao chép tự động được. Hãy chọn toàn bộ nội dung dưới đây rồi sao chép:

# Ảnh chân dung (hộ chiếu, căn cước, giấy phép lái xe): kiểm tra ảnh đã chọn.
photo-rules = Ảnh cỡ { $width_cm } × { $height_cm } cm, ít nhất { $min_width } × { $min_height } điểm ảnh, tệp không quá { $max_kb } KB{ $plain ->
    [yes] , nền trắng hoặc sáng, trơn.
   *[no] .
}
photo-ok = Ảnh đạt yêu cầu về kích thước, tỉ lệ và nền.
photo-problems-title = Ảnh này chưa đạt yêu cầu, Cổng Dịch vụ công có thể từ chối:
photo-unreadable = Không đọc được ảnh. Vui lòng chọn một tệp ảnh JPEG hoặc PNG khác.
photo-too-few-pixels = Ảnh quá nhỏ: { $width } × { $height } điểm ảnh, cần ít nhất { $min_width } × { $min_height }. Vui lòng chụp lại ở độ phân giải cao hơn.
photo-wrong-shape = Ảnh chưa đúng tỉ lệ { $width_cm } × { $height_cm } cm (ảnh dọc, cạnh ngắn là chiều ngang).
photo-too-large = Tệp ảnh nặng { $size_kb } KB, quá mức { $max_kb } KB.
photo-dark-background = Nền ảnh quá tối. Vui lòng chụp lại trước một bức tường hoặc tấm phông trắng, đủ sáng.
photo-busy-background = Nền ảnh chưa trơn (có hoa văn, đồ vật hoặc bóng đổ). Vui lòng chụp lại trước một nền trắng trơn.
photo-fix = Cắt và thu nhỏ ảnh cho đúng yêu cầu
photo-fixing = Đang cắt và thu nhỏ ảnh…
photo-fixed = Đã thay bằng bản ảnh đã cắt và thu nhỏ: { $name }. Tệp ảnh gốc trên máy của bạn vẫn giữ nguyên.

# Gửi tệp đính kèm của hồ sơ: tiến độ, và khi một tệp bị ngừng giữa chừng.
upload-progress = Đang gửi tệp { $file }/{ $files } — { $sent }/{ $total }
upload-progress-label = Tiến độ gửi tệp
upload-stalled = Tệp { $file }/{ $files } không gửi tiếp được (mạng chậm hoặc bị ngắt). Ứng dụng sẽ gửi lại từ tệp này; các tệp đã gửi xong được giữ nguyên.

## Updates of the app itself
update-title = Đã có phiên bản mới { $version }
update-current = Bạn đang dùng phiên bản { $current }.
update-published = Phát hành ngày { $date }.
update-notes = Có gì mới
update-kept = Cài bản mới không làm mất bản nháp, hồ sơ hay thông tin đã lưu. Ứng dụng chỉ cài khi bạn đồng ý.
update-install = Cài đặt bản mới
update-later = Để sau
update-retry = Thử lại
update-close = Đóng
update-downloading-start = Đang bắt đầu tải bản cập nhật…
update-downloading = Đang tải bản cập nhật — { $received }/{ $total }
update-downloading-unknown = Đang tải bản cập nhật — đã nhận { $received }
update-progress-label = Tiến độ tải bản cập nhật
update-installed-title = Đã cài xong phiên bản { $version }
update-installed = Khởi động lại ứng dụng để dùng phiên bản mới. Nếu chưa khởi động lại, bản mới sẽ chạy vào lần mở ứng dụng sau.
update-restart = Khởi động lại ngay
update-failed-title = Chưa kiểm tra được bản cập nhật
update-check = Kiểm tra bản cập nhật
update-latest = Bạn đang dùng phiên bản mới nhất.

## Danh sách giấy tờ cần mang (in ra hoặc lưu PDF)

checklist-title = Giấy tờ cần mang: { $name }
checklist-code = Mã thủ tục: { $code }
checklist-agency = Cơ quan giải quyết
checklist-time = Thời hạn giải quyết
checklist-fee = Phí, lệ phí
checklist-fee-counter = nộp trực tiếp: { $fee }
checklist-documents = Thành phần hồ sơ
checklist-conditional = (chỉ cần trong một số trường hợp)
checklist-notes = Ghi chú
checklist-footer = In từ Trợ lý Dịch vụ công ngày { $date }. Thông tin có thể thay đổi; hãy hỏi lại cơ quan tiếp nhận trước khi nộp.
checklist-save = Lưu danh sách giấy tờ (PDF)
checklist-saved = Đã lưu danh sách giấy tờ cần mang.

## Quầy một cửa (chế độ cán bộ)

desk-title = Quầy một cửa
desk-intro = Thông tin về đơn vị tiếp nhận hồ sơ mà máy tính này phục vụ. Mọi thao tác của cán bộ trên dữ liệu của công dân đều được ghi vào nhật ký kèm tài khoản cán bộ.
desk-officer-only = Trang này dành cho cán bộ bộ phận một cửa. Hãy đăng nhập bằng tài khoản cán bộ để thiết lập quầy.
desk-unit-heading = Đơn vị tiếp nhận
desk-name = Tên đơn vị
desk-name-hint = Ví dụ: Bộ phận Một cửa Ủy ban nhân dân phường Ba Đình, hoặc Trung tâm Phục vụ hành chính công tỉnh.
desk-province = Tỉnh, thành phố
desk-province-choose = Chọn tỉnh, thành phố
desk-commune = Xã, phường, đặc khu
desk-commune-hint = Bỏ trống nếu đây là quầy của Trung tâm Phục vụ hành chính công cấp tỉnh.
desk-commune-none = Không chọn (quầy cấp tỉnh)
desk-place = Địa bàn
desk-save = Lưu thông tin quầy
desk-saved = Đã lưu thông tin quầy { $name }.
desk-edit = Sửa thông tin quầy
desk-cancel = Hủy
audit-title = Nhật ký thao tác
audit-intro = Ứng dụng ghi lại mọi thao tác trên hồ sơ: thời điểm, việc đã làm và tài khoản cán bộ, không ghi nội dung công dân khai. Các mục được nối với nhau bằng mã băm, nên một mục bị sửa hay bị xóa sẽ bị phát hiện khi kiểm tra. Ứng dụng tự kiểm tra mỗi lần mở.
audit-check = Kiểm tra nhật ký
audit-intact = Nhật ký còn nguyên vẹn: { $entries } mục, không mục nào bị sửa hay bị xóa.
audit-export = Xuất nhật ký (CSV) phục vụ thanh tra, kiểm tra
audit-exported = Đã lưu tệp nhật ký.

## Tiếp công dân (chế độ cán bộ)

session-title = Tiếp công dân
session-intro = Mỗi công dân được phục vụ trong một phiên riêng: hồ sơ, giấy tờ đính kèm và người khai đã lưu trong phiên chỉ hiện khi phiên đó đang được phục vụ. Khi kết thúc phiên, dữ liệu của công dân được xóa khỏi máy này ngay khi mọi hồ sơ của họ đã gửi đi.
session-today = Phiên hôm nay
session-wiped-name = (đã xóa dữ liệu)
session-id-tail = số định danh …{ $tail }
session-started = Bắt đầu lúc { $time }
session-state-serving = Đang phục vụ
session-state-paused = Tạm dừng
session-state-waiting = { $count ->
        [0] Đã kết thúc
       *[other] Đã kết thúc; còn { $count } hồ sơ chờ gửi, dữ liệu sẽ được xóa ngay sau khi gửi
    }
session-state-wiped = Đã kết thúc và đã xóa dữ liệu khỏi máy
session-pause = Tạm dừng phiên
session-resume = Phục vụ tiếp
session-end = Kết thúc phiên
session-paused = Đã tạm dừng phiên của { $name }.
session-resumed = Đang phục vụ { $name }.
session-ended = Đã kết thúc phiên của { $name }.
session-end-title = Kết thúc phiên của { $name }?
session-end-body = { $count } hồ sơ của công dân sẽ bị xóa khỏi máy này (hồ sơ còn chờ gửi được giữ đến khi gửi xong). Sổ theo dõi chỉ giữ mã hồ sơ, thủ tục và thời gian.
session-end-body-empty = Thông tin của công dân sẽ bị xóa khỏi máy này.
session-end-confirm = Kết thúc và xóa dữ liệu
session-end-cancel = Quay lại
session-new = Tiếp công dân mới
session-name = Họ, chữ đệm và tên
session-name-hint = Viết có dấu, như trên thẻ căn cước.
session-citizen-id = Số định danh cá nhân
session-citizen-id-hint = 12 chữ số, in trên thẻ căn cước.
session-birth-date = Ngày sinh
session-birth-date-hint = Theo dạng ngày/tháng/năm, ví dụ 05/09/1990.
session-check-values = Vui lòng kiểm tra lại thông tin của công dân.
session-consent-title = Đồng ý xử lý dữ liệu cá nhân
session-consent-text = Cán bộ đọc cho công dân nghe: “Để giúp ông (bà) lập và nộp hồ sơ, cán bộ sẽ nhập họ tên, số định danh, ngày sinh, nội dung khai và giấy tờ của ông (bà) vào máy này. Dữ liệu chỉ dùng cho hồ sơ này, được mã hóa trên máy và sẽ bị xóa khỏi máy khi kết thúc phiên, ngay sau khi hồ sơ đã gửi lên Cổng Dịch vụ công; sổ theo dõi của bộ phận chỉ giữ mã hồ sơ, tên thủ tục và thời gian. Ông (bà) có quyền được biết, đồng ý hoặc không đồng ý, và rút lại sự đồng ý theo Luật Bảo vệ dữ liệu cá nhân.”
session-consent-check = Công dân đã nghe (hoặc đã đọc) nội dung trên và đồng ý.
session-start = Bắt đầu phục vụ

## Giấy tiếp nhận hồ sơ và hẹn trả kết quả (bản in)

slip-save = In giấy tiếp nhận hồ sơ và hẹn trả kết quả (PDF)
slip-saved = Đã lưu giấy tiếp nhận của hồ sơ { $code }.
slip-motto-1 = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
slip-motto-2 = Độc lập - Tự do - Hạnh phúc
slip-number = Số: ........../TN
slip-place-date = { $place }, ngày { $day } tháng { $month } năm { $year }
slip-title = GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ
slip-code = Mã hồ sơ
slip-received-from = { $desk } tiếp nhận hồ sơ của:
slip-applicant = Ông (Bà)
slip-citizen-id = Số định danh cá nhân
slip-address = Địa chỉ
slip-phone = Số điện thoại
slip-email = Thư điện tử
slip-not-given = (không khai)
slip-request = Nội dung yêu cầu giải quyết
slip-documents = Thành phần hồ sơ nộp gồm:
slip-sets = Số lượng hồ sơ
slip-sets-value = 01 (bộ)
slip-time-limit = Thời gian giải quyết hồ sơ theo quy định
slip-received-at = Thời gian nhận hồ sơ
slip-time = { $hour } giờ { $minute } phút, ngày { $date }
slip-due = Thời gian trả kết quả giải quyết hồ sơ
slip-due-later = cơ quan giải quyết sẽ hẹn và báo sau
slip-pickup = Đăng ký nhận kết quả tại
slip-pickup-value = Bộ phận tiếp nhận và trả kết quả, hoặc theo cách đã đăng ký trong hồ sơ
slip-register = Vào Sổ theo dõi hồ sơ, Quyển số: ......, Số thứ tự: ......
slip-qr = Mã QR ở góc trên bên phải ghi mã hồ sơ, dùng để tra cứu tình trạng hồ sơ.
slip-sign-applicant = NGƯỜI NỘP HỒ SƠ
slip-sign-receiver = NGƯỜI TIẾP NHẬN HỒ SƠ
slip-sign-hint = (Ký và ghi rõ họ tên)
slip-copy-desk = Liên 1: lưu tại Bộ phận tiếp nhận và trả kết quả.
slip-copy-applicant = Liên 2: giao người nộp hồ sơ.
