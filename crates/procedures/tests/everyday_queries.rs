//! Search as people really type: without diacritics, with typos, in everyday
//! (northern and southern) words, and as whole sentences describing their
//! situation. Each query names the procedure a help desk would open for it;
//! that procedure must be among the first three results for at least 95% of
//! the queries. The queries were written before the search was tuned, as a
//! citizen would type them, and include ones that are hard on purpose.
//!
//! `cargo test -p procedures --test everyday_queries -- --nocapture` prints
//! the rate and every miss.

use procedures::Catalog;

const DEATH: &str = "1.000656";
const MARRIAGE: &str = "1.000894";
const BIRTH: &str = "1.001193";
const PASSPORT: &str = "1.001456";
const BUSINESS: &str = "1.001612";
const TEMPORARY: &str = "1.004194";
const PERMANENT: &str = "1.004222";
const SINGLE: &str = "1.004873";
const UNEMPLOYMENT: &str = "1.014748";
const COPY: &str = "2.000815";
const RECORD: &str = "3.000333";
const LICENCE: &str = "3.000347";
const UNDER_SIX: &str = "3.000722";
const PARENTAGE: &str = "1.001022";
const CLOSE_BUSINESS: &str = "1.001266";
const PAUSE_BUSINESS: &str = "1.001570";
const FUNERAL_SUPPORT: &str = "1.001731";
const SOCIAL_ALLOWANCE: &str = "1.001776";
const EXTEND_TEMPORARY: &str = "1.002755";
const HEALTH_CARD: &str = "1.002759";
const ABSENCE: &str = "1.003677";
const GUARDIANSHIP: &str = "1.004837";
const CIVIL_CHANGE: &str = "1.004859";
const BIRTH_AGAIN: &str = "1.004884";
const END_TEMPORARY: &str = "1.010028";
const SPLIT_HOUSEHOLD: &str = "1.010038";
const RESIDENCE_CORRECTION: &str = "1.010039";
const RESIDENCE_CONFIRMATION: &str = "1.010041";
const MOTORBIKE: &str = "1.012575";
const LAND_CHANGE: &str = "1.013831";
const SOCIAL_PENSION: &str = "1.014027";
const ID_CARD: &str = "1.116410";
const BUSINESS_PAPER_AGAIN: &str = "2.000575";
const EXTRACT_COPY: &str = "2.000635";
const BUSINESS_CHANGE: &str = "2.000720";
const SIGNATURE: &str = "2.000884";
const TRANSACTION: &str = "2.001035";
const STAY_NOTICE: &str = "2.001159";
const DEATH_BUNDLE: &str = "2.002913";
const LOST_LICENCE: &str = "3.000348";

/// `(query as typed, the procedure it is for)`.
const QUERIES: &[(&str, &str)] = &[
    // A death in the family.
    ("lam giay chung tu", DEATH),
    ("bo toi moi mat can lam giay to gi", DEATH),
    ("bao tu cho ong noi", DEATH),
    ("khai tu cho me", DEATH),
    ("nguoi nha qua doi thi lam thu tuc gi", DEATH),
    ("trich luc khai tu", DEATH),
    ("ba em mat roi lam giay chung tu o dau", DEATH),
    // Getting married.
    ("dang ki ket hon", MARRIAGE),
    ("lam giay dang ky ket hon", MARRIAGE),
    ("thu tuc cuoi vo", MARRIAGE),
    ("hai dua muon lam giay ket hon thi can gi", MARRIAGE),
    ("lam giay hon thu", MARRIAGE),
    ("dang ky ket hon online tren vneid", MARRIAGE),
    // A new baby.
    ("lam giay khai sinh cho con", BIRTH),
    ("vo toi vua sinh em be can lam giay to gi", BIRTH),
    ("khai sinh cho be", BIRTH),
    ("dang ky khai sinh tre so sinh", BIRTH),
    ("khai sinhh cho con gai", BIRTH),
    ("lam khai sanh cho con", BIRTH),
    ("con toi moi de duoc hai tuan, gio lam giay to gi cho chau", BIRTH),
    // A passport.
    ("lam ho chieu", PASSPORT),
    ("lam passport di du lich", PASSPORT),
    ("xin ho chieu di nuoc ngoai", PASSPORT),
    ("mat ho chieu lam lai", PASSPORT),
    ("ho chieu het han roi", PASSPORT),
    ("lam ho chiue", PASSPORT),
    ("lam pasport", PASSPORT),
    // A small business.
    ("mo quan an can giay phep gi", BUSINESS),
    ("dang ky kinh doanh ca the", BUSINESS),
    ("mo tiem tap hoa", BUSINESS),
    ("lam giay phep kinh doanh cho quan cafe", BUSINESS),
    ("dang ky ho kinh doanh", BUSINESS),
    ("muon mo shop ban hang thi dang ky o dau", BUSINESS),
    // Renting somewhere: temporary residence.
    ("dang ky tam tru", TEMPORARY),
    ("khai bao tam tru cho nguoi thue phong tro", TEMPORARY),
    ("di thue nha tro co phai dang ky tam tru khong", TEMPORARY),
    ("lam tam tru o tro", TEMPORARY),
    ("tam chu", TEMPORARY),
    ("sinh vien o ky tuc xa dang ky cu tru", TEMPORARY),
    // Moving in for good: permanent residence.
    ("nhap ho khau", PERMANENT),
    ("chuyen ho khau ve nha chong", PERMANENT),
    ("dang ky thuong tru", PERMANENT),
    ("mua nha moi muon nhap khau", PERMANENT),
    ("lam ho khau", PERMANENT),
    ("thuong tru nha thue", PERMANENT),
    // Proof of being single.
    ("xin giay doc than", SINGLE),
    ("giay xac nhan doc than de lay chong nuoc ngoai", SINGLE),
    ("xac nhan tinh trang hon nhan", SINGLE),
    ("giay chung nhan doc than mua dat", SINGLE),
    ("xac nhan chua co vo", SINGLE),
    // Losing a job.
    ("xin tro cap", UNEMPLOYMENT),
    ("lanh tien that nghiep", UNEMPLOYMENT),
    ("bi cong ty cho nghi viec thi nhan tien gi", UNEMPLOYMENT),
    ("nghi viec co duoc lanh bao hiem khong", UNEMPLOYMENT),
    ("huong bhtn", UNEMPLOYMENT),
    ("mat viec lam", UNEMPLOYMENT),
    ("tro cap thac nghiep", UNEMPLOYMENT),
    // Certified copies.
    ("cong chung giay to", COPY),
    ("photo cong chung can cuoc", COPY),
    ("sao y ban chinh", COPY),
    ("chung thuc ban sao hoc ba", COPY),
    ("cong chung bang dai hoc", COPY),
    // Criminal record.
    ("xin ly lich tu phap", RECORD),
    ("lam ly lich tu phap di xuat khau lao dong", RECORD),
    ("giay xac nhan khong co tien an", RECORD),
    ("ly lich tu phap so 2", RECORD),
    ("lylich tu phap", RECORD),
    // Driving licence.
    ("doi bang lai xe", LICENCE),
    ("bang lai xe het han", LICENCE),
    ("doi bang lai o to", LICENCE),
    ("gplx het han", LICENCE),
    ("doi bang lai giay sang the nhua", LICENCE),
    ("bang lai xe hoi het han thi doi o dau", LICENCE),
    // Birth, residence and health insurance together for a child under six.
    ("lam khai sinh bao hiem y te cho be", UNDER_SIX),
    ("lam the bhyt cho tre duoi 6 tuoi", UNDER_SIX),
    ("khai sinh lien thong", UNDER_SIX),
    ("dang ky khai sinh va nhap khau cho con", UNDER_SIX),
    ("lam the bao hiem cho con moi sinh", UNDER_SIX),
    // The procedures added for issue 12 (the essential services and the
    // commune's everyday ones), written with each definition.
    ("nhan cha me con", PARENTAGE),
    ("bo nhan con ngoai gia thu", PARENTAGE),
    ("them ten bo vao giay khai sinh cho con", PARENTAGE),
    ("con chua co ten cha trong giay khai sinh gio muon bo sung", PARENTAGE),
    ("xet nghiem adn nhan con", PARENTAGE),
    ("nhan con khi chua dang ky ket hon", PARENTAGE),
    ("nhan cha me con thu tuc", PARENTAGE),
    ("cham dut hoat dong ho kinh doanh", CLOSE_BUSINESS),
    ("toi dong cua tiem luon thi can tra giay phep khong", CLOSE_BUSINESS),
    ("giai the ho kinh doanh lam o dau", CLOSE_BUSINESS),
    ("nghi ban luon khong buon ban nua", CLOSE_BUSINESS),
    ("dep quan roi lam thu tuc gi", CLOSE_BUSINESS),
    ("dong ma so thue ho kinh doanh", CLOSE_BUSINESS),
    ("cham dut ho kinh doah", CLOSE_BUSINESS),
    ("tam ngung kinh doanh ho kinh doanh", PAUSE_BUSINESS),
    ("tam nghi ban vai thang co phai bao khong", PAUSE_BUSINESS),
    ("thu tuc tam ngung ho ca the", PAUSE_BUSINESS),
    ("tam ngưng kinh doanh", PAUSE_BUSINESS),
    ("dong cua tam thoi ve que nghi ban", PAUSE_BUSINESS),
    ("muon mo ban lai som hon ngay da dang ky tam ngung", PAUSE_BUSINESS),
    ("tam dung kinh doanh quan an", PAUSE_BUSINESS),
    ("giay xac nhan tam ngung kinh doanh", PAUSE_BUSINESS),
    ("ho tro chi phi mai tang doi tuong bao tro xa hoi", FUNERAL_SUPPORT),
    ("tien mai tang cho nguoi huong tro cap xa hoi", FUNERAL_SUPPORT),
    (
        "ba toi dang huong tro cap khuyet tat vua mat xin tien mai tang",
        FUNERAL_SUPPORT,
    ),
    (
        "nguoi gia neo don mat xa co ho tro tien chon cat khong",
        FUNERAL_SUPPORT,
    ),
    ("ho tro mai tang phi bao tro xa hoi", FUNERAL_SUPPORT),
    ("tien ma chay nguoi huong tro cap", FUNERAL_SUPPORT),
    ("tro cap xa hoi hang thang", SOCIAL_ALLOWANCE),
    ("xin tro cap cho nguoi khuyet tat nang", SOCIAL_ALLOWANCE),
    (
        "con toi bi khuyet tat dac biet nang co duoc tien hang thang khong",
        SOCIAL_ALLOWANCE,
    ),
    ("tro cap tre mo coi", SOCIAL_ALLOWANCE),
    ("chau bi mo coi ca cha lan me xin tro cap o dau", SOCIAL_ALLOWANCE),
    ("me don than ho ngheo nuoi con co duoc tro cap khong", SOCIAL_ALLOWANCE),
    ("tro cap bao tro xa hoi", SOCIAL_ALLOWANCE),
    ("tro cap nguoi gia neo don ho ngheo", SOCIAL_ALLOWANCE),
    ("tien khuyet tat hang thang lam o dau", SOCIAL_ALLOWANCE),
    ("tro cap xa hoi hàng thang", SOCIAL_ALLOWANCE),
    ("gia han tam tru", EXTEND_TEMPORARY),
    ("tam tru sap het han phai lam gi", EXTEND_TEMPORARY),
    ("gia han tam tru online", EXTEND_TEMPORARY),
    ("het han tam tru o tro tiep", EXTEND_TEMPORARY),
    ("gia han tam chu cho sinh vien", EXTEND_TEMPORARY),
    ("mat the bhyt lam lai o dau", HEALTH_CARD),
    ("cap lai the bao hiem y te", HEALTH_CARD),
    ("the bao hiem y te bi rach", HEALTH_CARD),
    ("doi noi kham chua benh ban dau", HEALTH_CARD),
    ("sai ten tren the bhyt sua the nao", HEALTH_CARD),
    ("the bhyt tren vssid", HEALTH_CARD),
    ("lam lai the bao hiem cho con bi mat", HEALTH_CARD),
    ("cap lai the bhyt bi mat", HEALTH_CARD),
    ("khai bao tam vang", ABSENCE),
    ("khai bao tam vang online tren vneid", ABSENCE),
    ("di lam xa tinh khac hon 1 nam co phai bao tam vang khong", ABSENCE),
    ("khai bao tam vang cho con di hoc xa", ABSENCE),
    (
        "thanh nien do tuoi nghia vu quan su di lam xa phai bao cong an",
        ABSENCE,
    ),
    ("dang ky tam vangg", ABSENCE),
    ("dang huong an treo muon di khoi dia phuong", ABSENCE),
    ("dang ky giam ho", GUARDIANSHIP),
    ("lam giam ho cho chau mo coi", GUARDIANSHIP),
    ("bo me chau mat het ong ba muon nuoi chau thi lam giay gi", GUARDIANSHIP),
    ("giam ho duong nhien", GUARDIANSHIP),
    ("giam ho cho nguoi mat nang luc hanh vi dan su", GUARDIANSHIP),
    ("dang ki giam ho cho em", GUARDIANSHIP),
    ("sua giay khai sinh bi sai ngay sinh", CIVIL_CHANGE),
    ("doi ten cho con", CIVIL_CHANGE),
    ("cai chinh ho tich", CIVIL_CHANGE),
    ("giay khai sinh ghi sai ten phai lam sao", CIVIL_CHANGE),
    ("bo sung que quan vao giay khai sinh", CIVIL_CHANGE),
    ("xac dinh lai dan toc theo me", CIVIL_CHANGE),
    ("doi ho cho con theo ho me", CIVIL_CHANGE),
    ("cai chin giay khai sanh", CIVIL_CHANGE),
    ("lam lai giay khai sinh", BIRTH_AGAIN),
    ("mat giay khai sinh ban chinh xa cung khong con so", BIRTH_AGAIN),
    ("dang ky lai khai sinh", BIRTH_AGAIN),
    ("giay khai sanh bi chay lam lai o dau", BIRTH_AGAIN),
    ("cap lai giay khai sinh cho nguoi lon", BIRTH_AGAIN),
    ("khai sinh lai cho me vi giay khai sinh cu that lac", BIRTH_AGAIN),
    ("dang ki lai khai sinh", BIRTH_AGAIN),
    ("xoa dang ky tam tru", END_TEMPORARY),
    ("tra phong tro roi xoa tam tru", END_TEMPORARY),
    ("nguoi thue tro chuyen di chu tro xoa tam tru", END_TEMPORARY),
    ("xoa tam tru cho nguoi da mat", END_TEMPORARY),
    ("chuyen tro can cat tam tru khong", END_TEMPORARY),
    ("tach ho khau", SPLIT_HOUSEHOLD),
    ("tach ho cung nha bo me", SPLIT_HOUSEHOLD),
    ("cuoi xong muon ra ho rieng thi lam the nao", SPLIT_HOUSEHOLD),
    ("ly hon roi tach ho khau duoc khong", SPLIT_HOUSEHOLD),
    ("tach khau lam chu ho", SPLIT_HOUSEHOLD),
    ("tac ho tren vneid", SPLIT_HOUSEHOLD),
    ("doi chu ho khi bo mat", RESIDENCE_CORRECTION),
    ("thay doi chu ho", RESIDENCE_CORRECTION),
    ("dieu chinh thong tin cu tru", RESIDENCE_CORRECTION),
    ("thong tin tren vneid bi sai sua o dau", RESIDENCE_CORRECTION),
    ("sua ngay sinh trong ho khau", RESIDENCE_CORRECTION),
    ("doi ten roi cap nhat cu tru", RESIDENCE_CORRECTION),
    ("xac nhan thong tin cu tru", RESIDENCE_CONFIRMATION),
    ("giay xac nhan cu tru ct07", RESIDENCE_CONFIRMATION),
    ("xin giay ho khau cho con nhap hoc", RESIDENCE_CONFIRMATION),
    (
        "khong con so ho khau thi chung minh noi o bang gi",
        RESIDENCE_CONFIRMATION,
    ),
    ("xac nhan cu tru online tren vneid", RESIDENCE_CONFIRMATION),
    ("xac nhan thuong tru de vay ngan hang", RESIDENCE_CONFIRMATION),
    ("xac nhan cu chu", RESIDENCE_CONFIRMATION),
    ("mua xe may moi dang ky bien so o dau", MOTORBIKE),
    ("bam bien so xe may tren vneid", MOTORBIKE),
    ("dang ky xe may lan dau online", MOTORBIKE),
    ("lam cavet xe moi mua", MOTORBIKE),
    ("vua mua xe honda vision moi lam giay to the nao", MOTORBIKE),
    ("dang ki xe may dien", MOTORBIKE),
    ("le phi bien so xe may ha noi", MOTORBIKE),
    ("sang ten so do", LAND_CHANGE),
    ("mua dat xong sang ten so hong lam the nao", LAND_CHANGE),
    ("dang ky bien dong dat dai", LAND_CHANGE),
    ("bo mat roi nhan thua ke dat sang ten ra sao", LAND_CHANGE),
    ("sang ten so do cho con mien thue khong", LAND_CHANGE),
    ("dang ky bien dong quyen su dung dat tang cho", LAND_CHANGE),
    ("sag ten so do het bao nhieu tien", LAND_CHANGE),
    ("tro cap huu tri xa hoi", SOCIAL_PENSION),
    (
        "me toi hon 80 tuoi khong co luong huu xin tro cap o dau",
        SOCIAL_PENSION,
    ),
    ("nguoi gia 75 tuoi khong luong huu duoc bao nhieu tien", SOCIAL_PENSION),
    ("tien nguoi gia", SOCIAL_PENSION),
    ("ong ba khong co luong huu xin tro cap hang thang", SOCIAL_PENSION),
    ("huu tri xa hoi ho ngheo 70 tuoi", SOCIAL_PENSION),
    ("tro cap huu tri xa hôi", SOCIAL_PENSION),
    ("chuyen noi nhan tro cap nguoi gia", SOCIAL_PENSION),
    ("mat can cuoc roi lam lai o dau", ID_CARD),
    ("lam lai cccd bi mat", ID_CARD),
    ("doi can cuoc 25 tuoi", ID_CARD),
    ("the can cuoc bi gay chip lam lai", ID_CARD),
    ("doi can cuoc cong dan sang the can cuoc", ID_CARD),
    ("doi dia chi tren can cuoc sau sap nhap tinh", ID_CARD),
    ("cap doi the can cuoc het han", ID_CARD),
    ("can cuoc in sai ten phai doi", ID_CARD),
    ("lam can cuoc lan dau 14 tuoi", ID_CARD),
    ("cap lai the can cuocc", ID_CARD),
    ("cap lai giay chung nhan dang ky ho kinh doanh", BUSINESS_PAPER_AGAIN),
    ("mat giay phep kinh doanh xin cap lai", BUSINESS_PAPER_AGAIN),
    ("giay phep kinh doanh bi rach lam lai o dau", BUSINESS_PAPER_AGAIN),
    ("lam lai giay phep kinh doan", BUSINESS_PAPER_AGAIN),
    ("giay phep kinh doanh ho ca the bi chay", BUSINESS_PAPER_AGAIN),
    ("that lac giay dang ky kinh doanh", BUSINESS_PAPER_AGAIN),
    ("ban sao giay khai sinh", EXTRACT_COPY),
    ("xin trich luc khai sinh", EXTRACT_COPY),
    ("xin ban sao giay khai sinh de nop ho so nhap hoc", EXTRACT_COPY),
    ("trich luc ket hon ban sao", EXTRACT_COPY),
    ("ban sao trich luc khai tu cua bo de lam thua ke", EXTRACT_COPY),
    ("trich luc ho tich online", EXTRACT_COPY),
    ("ban sau giay khai sinh", EXTRACT_COPY),
    ("doi dia chi ho kinh doanh", BUSINESS_CHANGE),
    (
        "chuyen quan sang cho moi thi lam giay phep kinh doanh sao",
        BUSINESS_CHANGE,
    ),
    ("them nganh nghe kinh doanh ho ca the", BUSINESS_CHANGE),
    ("sang ten ho kinh doanh cho con", BUSINESS_CHANGE),
    ("doi ten cua hang tren giay phep kinh doanh", BUSINESS_CHANGE),
    ("sang lai quan thi doi chu ho kinh doanh the nao", BUSINESS_CHANGE),
    ("tang von ho kinh doan", BUSINESS_CHANGE),
    ("chung thuc chu ky", SIGNATURE),
    ("cong chung chu ky o phuong", SIGNATURE),
    ("lam giay uy quyen co xac nhan cua xa", SIGNATURE),
    ("ba toi khong ky duoc muon diem chi giay cam ket", SIGNATURE),
    ("chung thuc chu ki giay uy quyen nhan luong huu", SIGNATURE),
    ("xac nhan chu ky tren don o uy ban", SIGNATURE),
    ("chung thuc hop dong mua ban dat", TRANSACTION),
    ("cong chung hop dong mua ban xe may o xa", TRANSACTION),
    ("bo me cho dat con thi chung thuc hop dong o dau", TRANSACTION),
    ("hop dong the chap so do vay ngan hang chung thuc", TRANSACTION),
    (
        "chung thuc hop dong chuyen nhuong quyen su dung dat phi bao nhieu",
        TRANSACTION,
    ),
    ("cong chung hop dong tang cho nha o phuong", TRANSACTION),
    ("thong bao luu tru", STAY_NOTICE),
    ("khai bao luu tru cho khach o nha", STAY_NOTICE),
    ("bo me tu que len choi ngu lai co phai khai bao khong", STAY_NOTICE),
    ("co khach o lai qua dem bao cong an the nao", STAY_NOTICE),
    ("khai bao luu tru homestay", STAY_NOTICE),
    ("khai bao luu chu", STAY_NOTICE),
    ("ban be den ngu nho vai hom", STAY_NOTICE),
    ("lien thong khai tu xoa thuong tru mai tang phi", DEATH_BUNDLE),
    ("bo toi vua mat can lam giay to gi", DEATH_BUNDLE),
    ("khai tu va xoa ho khau cho nguoi mat", DEATH_BUNDLE),
    ("lanh tien tu tuat khi ba mat", DEATH_BUNDLE),
    ("me mat muon cat khau va nhan tien mai tang", DEATH_BUNDLE),
    ("che do tu tuat bao hiem xa hoi", DEATH_BUNDLE),
    ("khai tu tren vneid", DEATH_BUNDLE),
    ("mat bang lai xe lam lai o dau", LOST_LICENCE),
    ("cap lai bang lai bi mat", LOST_LICENCE),
    ("danh roi vi mat bang lai xe may", LOST_LICENCE),
    ("mat GPLX B2 cap lai online", LOST_LICENCE),
    ("bi trom tui mat het giay to bang lai", LOST_LICENCE),
    ("lam lai bang lai xe bi mat", LOST_LICENCE),
    ("mat bang lai o to", LOST_LICENCE),
];

/// Queries that name no procedure of the catalog: small talk and nonsense.
/// Without diacritics some everyday words are a procedure's words ("thời
/// tiết" folds to "thoi", as in "thôi hưởng"; "giá vàng … bao" to "khai báo
/// tạm vắng"), which a search that forgives missing marks cannot tell apart;
/// those are left out.
const NOTHING: &[&str] = &[
    "xin chao",
    "xin chào bạn",
    "asdf qwerty",
    "zzzz",
    "cho toi hoi",
    "ket qua bong da hom nay",
    "gia xang hom nay bao nhieu",
    "",
    "   ",
];

#[test]
fn everyday_queries_find_their_procedure_in_the_top_three() {
    let catalog = Catalog::bundled().expect("bundled catalog");
    assert!(QUERIES.len() >= 60, "at least 60 queries, found {}", QUERIES.len());
    for (query, code) in QUERIES {
        assert!(catalog.get(code).is_some(), "{query}: unknown code {code}");
    }
    let mut misses = Vec::new();
    for (query, code) in QUERIES {
        let found: Vec<String> = catalog.search(query).into_iter().map(|p| p.code).collect();
        if !found.iter().take(3).any(|c| c == code) {
            misses.push(format!(
                "{query:?} wants {code}, got {:?}",
                &found[..found.len().min(3)]
            ));
        }
    }
    let hits = QUERIES.len() - misses.len();
    let rate = hits as f64 / QUERIES.len() as f64;
    println!(
        "everyday queries: {hits}/{} in the top 3 ({:.1}%)",
        QUERIES.len(),
        rate * 100.0
    );
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(
        rate >= 0.95,
        "top-3 rate {:.1}% is under 95%: {misses:#?}",
        rate * 100.0
    );
}

#[test]
fn small_talk_and_nonsense_find_nothing() {
    let catalog = Catalog::bundled().expect("bundled catalog");
    for query in NOTHING.iter().filter(|q| !q.trim().is_empty()) {
        let found: Vec<String> = catalog.search(query).into_iter().map(|p| p.code).collect();
        assert!(found.is_empty(), "{query:?} found {found:?}");
    }
}

#[test]
fn a_long_sentence_still_finds_its_procedure_first() {
    let catalog = Catalog::bundled().expect("bundled catalog");
    let first = |q: &str| catalog.search(q).into_iter().next().map(|p| p.code);
    assert_eq!(
        first("chao chi, cho em hoi vo em vua sinh be duoc muoi ngay thi lam giay khai sinh o dau a").as_deref(),
        Some(BIRTH)
    );
    assert_eq!(
        first("toi bi mat bang lai xe may roi, bay gio muon lam lai thi phai lam sao").as_deref(),
        Some(LOST_LICENCE),
        "a person naming what was lost"
    );
}

#[test]
fn a_query_typed_as_one_of_its_phrases_puts_the_procedure_first() {
    // "Giấy chứng sinh" is the hospital's paper a birth registration (alone,
    // or linked with residence and health insurance, 3.000722) needs; the
    // words also meet certified copies ("chứng thực", "giấy tờ"), which must
    // not come first.
    let catalog = Catalog::bundled().expect("bundled catalog");
    for query in ["giay chung sinh", "giấy chứng sinh", "Giấy chứng sinh"] {
        let found: Vec<String> = catalog.search(query).into_iter().map(|p| p.code).collect();
        let first = found.first().map(String::as_str);
        assert!(matches!(first, Some(BIRTH | "3.000722")), "{query:?} found {found:?}");
        assert!(found.iter().take(2).any(|c| c == BIRTH), "{query:?} found {found:?}");
    }
}
