# Nhãn dùng chung cho danh mục thủ tục (tiếng Việt).

## Lĩnh vực (topic-<id>)

topic-civil-status = Hộ tịch
topic-residence = Cư trú
topic-judicial-records = Lý lịch tư pháp
topic-transport = Giao thông vận tải
topic-immigration = Xuất nhập cảnh
topic-business = Đăng ký kinh doanh
topic-certification = Chứng thực
topic-employment = Việc làm
topic-health-insurance = Bảo hiểm y tế
topic-identity = Căn cước, định danh
topic-land = Đất đai, nhà ở
topic-social-protection = Trợ giúp xã hội

## Sự kiện trong cuộc sống (life-event-<id>)

life-event-having-a-baby = Sinh con
life-event-getting-married = Kết hôn
life-event-death-in-family = Gia đình có người mất
life-event-moving-house = Chuyển nơi ở
life-event-starting-a-business = Khởi sự kinh doanh
life-event-losing-a-job = Mất việc làm
life-event-travelling-abroad = Đi nước ngoài
life-event-getting-a-job = Tìm việc, đi làm
life-event-driving = Lái xe

## Cấp giải quyết, mức độ trực tuyến, lệ phí

agency-level-province = tỉnh, thành phố
agency-level-commune = xã, phường, đặc khu
online-full = Dịch vụ công trực tuyến toàn trình
online-partial = Dịch vụ công trực tuyến một phần
fee-free = Miễn phí
fee-varies = Do tỉnh quy định
