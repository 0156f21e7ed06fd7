//! Shared pieces of the benchmarks: a synthetic catalog of realistic
//! procedure names, and the SQLite FTS5 baseline that search is measured
//! against.

use procedures::Catalog;
use procedures::search::SearchDocument;
use rusqlite::Connection;

/// Queries people type, with and without diacritics, some cut short as they type.
pub const QUERIES: [&str; 12] = [
    "dang ky khai sinh",
    "đăng ký kết hôn",
    "lam ho chieu",
    "doi bang lai",
    "xin ly lich tu phap",
    "tam tru",
    "chung thuc ban sao",
    "ho kinh doanh",
    "tro cap that nghiep",
    "xac nhan tinh trang hon nhan",
    "khai t",
    "giay phep lai xe",
];

/// Queries as people ask them: whole sentences, everyday words, typos, and
/// small talk that must find nothing; only the forgiving search answers
/// most of them.
pub const EVERYDAY_QUERIES: [&str; 8] = [
    "vo toi vua sinh em be can lam giay to gi",
    "toi bi mat bang lai xe may roi bay gio muon lam lai thi phai lam sao",
    "bi cong ty cho nghi viec thi nhan tien gi",
    "lam khai sanh cho con",
    "khai bao tam tru cho nguoi thue phong tro",
    "lam ho chiue",
    "xin chao",
    "gia vang hom nay bao nhieu",
];

/// The bundled catalog as search documents.
pub fn bundled() -> Vec<SearchDocument> {
    let catalog = Catalog::bundled().expect("bundled catalog");
    catalog
        .procedures()
        .iter()
        .map(|p| {
            let d = &p.definition;
            SearchDocument {
                key: d.code.clone(),
                names: vec![d.name.vi.clone(), d.name.en.clone()],
                keywords: d.keywords.clone(),
                documents: d.documents.iter().map(|doc| doc.name.vi.clone()).collect(),
            }
        })
        .collect()
}

/// The bundled catalog plus generated procedures, `total` in all, built from
/// the words real procedure names use.
pub fn synthetic(total: usize) -> Vec<SearchDocument> {
    const ACTIONS: [&str; 10] = [
        "Đăng ký",
        "Cấp",
        "Cấp lại",
        "Cấp đổi",
        "Xác nhận",
        "Gia hạn",
        "Thay đổi",
        "Điều chỉnh",
        "Thu hồi",
        "Công nhận",
    ];
    const OBJECTS: [&str; 20] = [
        "giấy phép xây dựng",
        "giấy chứng nhận quyền sử dụng đất",
        "giấy phép kinh doanh",
        "chứng chỉ hành nghề",
        "hộ khẩu",
        "thẻ bảo hiểm y tế",
        "giấy phép lao động",
        "giấy khai sinh",
        "biển số xe",
        "giấy phép lái xe",
        "hộ chiếu",
        "thẻ căn cước",
        "giấy phép môi trường",
        "văn bằng",
        "giấy chứng nhận đủ điều kiện an toàn thực phẩm",
        "giấy phép hoạt động in",
        "chứng nhận hợp chuẩn",
        "giấy phép khai thác nước",
        "thẻ hướng dẫn viên du lịch",
        "giấy phép quảng cáo",
    ];
    const QUALIFIERS: [&str; 12] = [
        "cho cá nhân",
        "cho doanh nghiệp",
        "cho người nước ngoài",
        "tại cấp xã",
        "tại cấp tỉnh",
        "cho hộ kinh doanh",
        "trong khu công nghiệp",
        "đối với tổ chức",
        "khi bị mất",
        "khi hết hạn",
        "cho hợp tác xã",
        "có yếu tố nước ngoài",
    ];
    const DOCUMENTS: [&str; 8] = [
        "Tờ khai theo mẫu",
        "Bản sao giấy tờ tùy thân",
        "Giấy khám sức khỏe",
        "Ảnh chân dung 4x6",
        "Văn bản ủy quyền",
        "Bản vẽ thiết kế",
        "Hợp đồng thuê nhà",
        "Giấy xác nhận của Ủy ban nhân dân cấp xã",
    ];
    let mut documents = bundled();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut i = 0;
    while documents.len() < total {
        let name = format!("{} {} {}", ACTIONS[next(10)], OBJECTS[next(20)], QUALIFIERS[next(12)]);
        documents.push(SearchDocument {
            key: format!("9.{i:06}"),
            names: vec![name.clone()],
            keywords: vec![format!("{} {}", ACTIONS[next(10)].to_lowercase(), OBJECTS[next(20)])],
            documents: (0..3).map(|_| DOCUMENTS[next(8)].to_owned()).collect(),
        });
        i += 1;
    }
    documents
}

/// An in-memory FTS5 table over the same documents, with `unicode61
/// remove_diacritics 2` (SQLite's own diacritic folding).
pub fn fts5(documents: &[SearchDocument]) -> Connection {
    let db = Connection::open_in_memory().expect("in-memory SQLite");
    db.execute_batch("CREATE VIRTUAL TABLE procedures USING fts5(key UNINDEXED, name, keywords, documents, tokenize = 'unicode61 remove_diacritics 2');")
        .expect("FTS5 is compiled into the bundled SQLite");
    let mut insert = db
        .prepare("INSERT INTO procedures VALUES (?1, ?2, ?3, ?4)")
        .expect("insert");
    for d in documents {
        insert
            .execute((&d.key, d.names.join(" "), d.keywords.join(" "), d.documents.join(" ")))
            .expect("row");
    }
    drop(insert);
    db
}

/// The FTS5 query for what the user typed: every word, the last as a prefix.
pub fn fts5_query(query: &str) -> String {
    let words: Vec<String> = query
        .split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect();
    let mut q = words.join(" ");
    if !q.is_empty() {
        q.push('*');
    }
    q
}

/// Runs one FTS5 search ranked by BM25 with name > keywords > documents.
pub fn fts5_search(db: &Connection, query: &str, limit: usize) -> Vec<String> {
    let mut stmt = db
        .prepare_cached("SELECT key FROM procedures WHERE procedures MATCH ?1 ORDER BY bm25(procedures, 0.0, 10.0, 4.0, 0.5) LIMIT ?2")
        .expect("query");
    stmt.query_map((fts5_query(query), limit as i64), |row| row.get(0))
        .expect("search")
        .filter_map(Result::ok)
        .collect()
}
