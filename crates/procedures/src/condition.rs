//! The condition language of definitions: parsed once by a recursive-descent
//! parser into a tree, then evaluated against the answers. Nothing is ever
//! evaluated as code.
//!
//! Grammar (whitespace between tokens is free):
//! ```text
//! expr    := and ( ("||" | "or") and )*
//! and     := unary ( ("&&" | "and") unary )*
//! unary   := ("!" | "not") unary | compare
//! compare := term ( op term | "in" "[" term ( "," term )* "]" )?
//! op      := "==" | "!=" | "<" | "<=" | ">" | ">="
//! term    := string | integer | "true" | "false" | call | field | "(" expr ")"
//! call    := ("age" | "days_since" | "answered") "(" field ")"
//!          | "years_between" "(" field "," field ")"
//! field   := [a-z_][a-z0-9_]*
//! ```
//! An unanswered field is *empty*: every comparison with it is false except
//! `!=`, and `answered(field)` tells whether it holds an answer.
//!
//! Bounds: the text is at most [`MAX_CONDITION_BYTES`] long, and brackets and
//! `!`/`not` nest at most [`MAX_CONDITION_DEPTH`] deep. Chains of `&&` and `||`
//! become one node with many operands, so the tree's depth (and with it the
//! recursion of parsing, evaluating and dropping it) stays small whatever the
//! input.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::limits::{MAX_CONDITION_BYTES, MAX_CONDITION_DEPTH};

/// A parsed condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Condition {
    root: Expr,
}

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    Literal(Value),
    Field(String),
    Age(String),
    /// Whole years from the first date to the second.
    YearsBetween(String, String),
    DaysSince(String),
    Answered(String),
    Not(Box<Expr>),
    /// All operands of a `&&` chain, at least two.
    And(Vec<Expr>),
    /// All operands of a `||` chain, at least two.
    Or(Vec<Expr>),
    Compare(Box<Expr>, CompareOp, Box<Expr>),
    In(Box<Expr>, Vec<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CompareOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A value a condition works on.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// No answer.
    Empty,
    /// Text or a choice's value.
    Text(String),
    /// A whole number or an amount.
    Integer(i64),
    /// A yes/no answer or a literal.
    Bool(bool),
    /// A valid date.
    Date(NaiveDate),
}

/// Where a condition failed to parse, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at character {position}: {problem}")]
pub struct ParseError {
    /// Character offset (0-based) in the condition text.
    pub position: usize,
    /// What was wrong.
    pub problem: String,
}

/// What a condition can read: answers by field id, and today's date.
pub trait Scope {
    /// The value of a field, [`Value::Empty`] when unanswered.
    fn value(&self, field: &str) -> Value;
    /// Today's date, for `age()` and `days_since()`.
    fn today(&self) -> NaiveDate;
}

impl Condition {
    /// Parses a condition; the error gives the position and the problem.
    /// Text longer than [`MAX_CONDITION_BYTES`] is refused before any parsing.
    pub fn parse(text: &str) -> Result<Self, ParseError> {
        if text.len() > MAX_CONDITION_BYTES {
            return Err(ParseError {
                position: text
                    .char_indices()
                    .take_while(|(i, _)| *i < MAX_CONDITION_BYTES)
                    .count(),
                problem: format!(
                    "the condition is {} bytes long; the limit is {MAX_CONDITION_BYTES}",
                    text.len()
                ),
            });
        }
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            tokens,
            next: 0,
            end: text.chars().count(),
            depth: 0,
        };
        let root = parser.or()?;
        match parser.peek() {
            None => Ok(Self { root }),
            Some((position, token)) => Err(ParseError {
                position,
                problem: format!("unexpected {token}"),
            }),
        }
    }

    /// The field ids this condition reads, in order of appearance.
    pub fn fields(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.root.collect_fields(&mut out);
        out
    }

    /// Evaluates the condition; anything that is not `true` counts as false.
    pub fn holds(&self, scope: &dyn Scope) -> bool {
        self.root.eval(scope) == Value::Bool(true)
    }
}

impl Expr {
    fn collect_fields<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Literal(_) => {}
            Expr::Field(id) | Expr::Age(id) | Expr::DaysSince(id) | Expr::Answered(id) => out.push(id),
            Expr::YearsBetween(from, to) => out.extend([from.as_str(), to.as_str()]),
            Expr::Not(inner) => inner.collect_fields(out),
            Expr::And(all) | Expr::Or(all) => all.iter().for_each(|e| e.collect_fields(out)),
            Expr::Compare(a, _, b) => {
                a.collect_fields(out);
                b.collect_fields(out);
            }
            Expr::In(item, list) => {
                item.collect_fields(out);
                list.iter().for_each(|e| e.collect_fields(out));
            }
        }
    }

    fn eval(&self, scope: &dyn Scope) -> Value {
        match self {
            Expr::Literal(v) => v.clone(),
            Expr::Field(id) => scope.value(id),
            Expr::Answered(id) => Value::Bool(scope.value(id) != Value::Empty),
            Expr::Age(id) => match scope.value(id) {
                Value::Date(born) => Value::Integer(full_years(born, scope.today())),
                _ => Value::Empty,
            },
            Expr::YearsBetween(from, to) => match (scope.value(from), scope.value(to)) {
                (Value::Date(from), Value::Date(to)) => Value::Integer(full_years(from, to)),
                _ => Value::Empty,
            },
            Expr::DaysSince(id) => match scope.value(id) {
                Value::Date(day) => Value::Integer((scope.today() - day).num_days()),
                _ => Value::Empty,
            },
            Expr::Not(inner) => match inner.eval(scope) {
                Value::Bool(b) => Value::Bool(!b),
                _ => Value::Empty,
            },
            Expr::And(all) => Value::Bool(all.iter().all(|e| truthy(&e.eval(scope)))),
            Expr::Or(all) => Value::Bool(all.iter().any(|e| truthy(&e.eval(scope)))),
            Expr::Compare(a, op, b) => Value::Bool(compare(&a.eval(scope), *op, &b.eval(scope))),
            Expr::In(item, list) => {
                let item = item.eval(scope);
                Value::Bool(list.iter().any(|e| compare(&item, CompareOp::Eq, &e.eval(scope))))
            }
        }
    }
}

fn truthy(value: &Value) -> bool {
    *value == Value::Bool(true)
}

/// Whole years from `born` to `today` (a person's age).
pub fn full_years(born: NaiveDate, today: NaiveDate) -> i64 {
    let mut years = i64::from(today.year() - born.year());
    if (today.month(), today.day()) < (born.month(), born.day()) {
        years -= 1;
    }
    years
}

fn compare(a: &Value, op: CompareOp, b: &Value) -> bool {
    use std::cmp::Ordering;
    let ordering: Option<Ordering> = match (a, b) {
        (Value::Text(x), Value::Text(y)) => Some(x.cmp(y)),
        (Value::Integer(x), Value::Integer(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        _ => None,
    };
    match (op, ordering) {
        (CompareOp::Ne, None) => a != b,
        (_, None) => false,
        (CompareOp::Eq, Some(o)) => o == Ordering::Equal,
        (CompareOp::Ne, Some(o)) => o != Ordering::Equal,
        (CompareOp::Lt, Some(o)) => o == Ordering::Less,
        (CompareOp::Le, Some(o)) => o != Ordering::Greater,
        (CompareOp::Gt, Some(o)) => o == Ordering::Greater,
        (CompareOp::Ge, Some(o)) => o != Ordering::Less,
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Text(String),
    Integer(i64),
    Op(&'static str),
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Ident(s) => write!(f, "name `{s}`"),
            Token::Text(s) => write!(f, "text \"{s}\""),
            Token::Integer(n) => write!(f, "number {n}"),
            Token::Op(op) => write!(f, "`{op}`"),
        }
    }
}

const OPERATORS: [&str; 14] = [
    "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ",",
];

fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, ParseError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '"' {
            let start = i;
            i += 1;
            let mut s = String::new();
            while i < chars.len() && chars[i] != '"' {
                s.push(chars[i]);
                i += 1;
            }
            if i == chars.len() {
                return Err(ParseError {
                    position: start,
                    problem: "text is not closed with \"".into(),
                });
            }
            i += 1;
            tokens.push((start, Token::Text(s)));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let digits: String = chars[start..i].iter().collect();
            let n = digits.parse().map_err(|_| ParseError {
                position: start,
                problem: "number is too large".into(),
            })?;
            tokens.push((start, Token::Integer(n)));
        } else if c.is_ascii_lowercase() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_lowercase() || chars[i].is_ascii_digit() || chars[i] == '_') {
                i += 1;
            }
            tokens.push((start, Token::Ident(chars[start..i].iter().collect())));
        } else {
            let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
            let op = OPERATORS
                .iter()
                .find(|op| rest.starts_with(**op))
                .ok_or_else(|| ParseError {
                    position: i,
                    problem: format!("unexpected character `{c}`"),
                })?;
            tokens.push((i, Token::Op(op)));
            i += op.len();
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    next: usize,
    end: usize,
    /// Brackets and negations open around the current token.
    depth: usize,
}

impl Parser {
    fn peek(&self) -> Option<(usize, &Token)> {
        self.tokens.get(self.next).map(|(p, t)| (*p, t))
    }

    fn bump(&mut self) -> Option<(usize, Token)> {
        let item = self.tokens.get(self.next).cloned();
        self.next += 1;
        item
    }

    fn at_word_or_op(&self, word: &str, op: &str) -> bool {
        matches!(self.peek(), Some((_, Token::Ident(w))) if w == word)
            || matches!(self.peek(), Some((_, Token::Op(o))) if *o == op)
    }

    fn expect_op(&mut self, op: &str) -> Result<(), ParseError> {
        match self.bump() {
            Some((_, Token::Op(o))) if o == op => Ok(()),
            Some((position, token)) => Err(ParseError {
                position,
                problem: format!("expected `{op}`, found {token}"),
            }),
            None => Err(ParseError {
                position: self.end,
                problem: format!("expected `{op}` at the end"),
            }),
        }
    }

    /// One level deeper at `position`, or the nesting error.
    fn enter(&mut self, position: usize) -> Result<(), ParseError> {
        self.depth += 1;
        if self.depth > MAX_CONDITION_DEPTH {
            return Err(ParseError {
                position,
                problem: format!("brackets and `not` nest deeper than {MAX_CONDITION_DEPTH} levels"),
            });
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Expr, ParseError> {
        let mut all = vec![self.and()?];
        while self.at_word_or_op("or", "||") {
            self.bump();
            all.push(self.and()?);
        }
        Ok(if all.len() == 1 { all.remove(0) } else { Expr::Or(all) })
    }

    fn and(&mut self) -> Result<Expr, ParseError> {
        let mut all = vec![self.unary()?];
        while self.at_word_or_op("and", "&&") {
            self.bump();
            all.push(self.unary()?);
        }
        Ok(if all.len() == 1 { all.remove(0) } else { Expr::And(all) })
    }

    /// Negations are counted in a loop, not by recursion, and each one is a
    /// level of nesting.
    fn unary(&mut self) -> Result<Expr, ParseError> {
        let outer = self.depth;
        let mut negations = 0;
        while self.at_word_or_op("not", "!") {
            let position = self.peek().map_or(self.end, |(p, _)| p);
            self.enter(position)?;
            self.bump();
            negations += 1;
        }
        let mut expr = self.compare()?;
        for _ in 0..negations {
            expr = Expr::Not(Box::new(expr));
        }
        self.depth = outer;
        Ok(expr)
    }

    fn compare(&mut self) -> Result<Expr, ParseError> {
        let left = self.term()?;
        let op = match self.peek() {
            Some((_, Token::Op(op))) => match *op {
                "==" => CompareOp::Eq,
                "!=" => CompareOp::Ne,
                "<" => CompareOp::Lt,
                "<=" => CompareOp::Le,
                ">" => CompareOp::Gt,
                ">=" => CompareOp::Ge,
                _ => return Ok(left),
            },
            Some((_, Token::Ident(word))) if word == "in" => {
                self.bump();
                self.expect_op("[")?;
                let mut list = vec![self.term()?];
                while matches!(self.peek(), Some((_, Token::Op(",")))) {
                    self.bump();
                    list.push(self.term()?);
                }
                self.expect_op("]")?;
                return Ok(Expr::In(Box::new(left), list));
            }
            _ => return Ok(left),
        };
        self.bump();
        Ok(Expr::Compare(Box::new(left), op, Box::new(self.term()?)))
    }

    fn term(&mut self) -> Result<Expr, ParseError> {
        let Some((position, token)) = self.bump() else {
            return Err(ParseError {
                position: self.end,
                problem: "the condition ends too early".into(),
            });
        };
        match token {
            Token::Text(s) => Ok(Expr::Literal(Value::Text(s))),
            Token::Integer(n) => Ok(Expr::Literal(Value::Integer(n))),
            Token::Op("(") => {
                self.enter(position)?;
                let inner = self.or()?;
                self.expect_op(")")?;
                self.depth -= 1;
                Ok(inner)
            }
            Token::Ident(word) => match word.as_str() {
                "true" => Ok(Expr::Literal(Value::Bool(true))),
                "false" => Ok(Expr::Literal(Value::Bool(false))),
                "and" | "or" | "not" | "in" => Err(ParseError {
                    position,
                    problem: format!("unexpected `{word}`"),
                }),
                _ if matches!(self.peek(), Some((_, Token::Op("(")))) => self.call(position, word),
                _ => Ok(Expr::Field(word)),
            },
            other => Err(ParseError {
                position,
                problem: format!("unexpected {other}"),
            }),
        }
    }

    fn call(&mut self, position: usize, function: String) -> Result<Expr, ParseError> {
        self.expect_op("(")?;
        let field = self.field_name()?;
        let call = match function.as_str() {
            "age" => Expr::Age(field),
            "days_since" => Expr::DaysSince(field),
            "answered" => Expr::Answered(field),
            "years_between" => {
                self.expect_op(",")?;
                Expr::YearsBetween(field, self.field_name()?)
            }
            _ => {
                return Err(ParseError {
                    position,
                    problem: format!("unknown function `{function}`"),
                });
            }
        };
        self.expect_op(")")?;
        Ok(call)
    }

    fn field_name(&mut self) -> Result<String, ParseError> {
        match self.bump() {
            Some((_, Token::Ident(id))) => Ok(id),
            Some((p, t)) => Err(ParseError {
                position: p,
                problem: format!("expected a field name, found {t}"),
            }),
            None => Err(ParseError {
                position: self.end,
                problem: "expected a field name".into(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::harness::on_small_stack;
    use std::collections::HashMap;

    struct Answers(HashMap<&'static str, Value>);

    impl Scope for Answers {
        fn value(&self, field: &str) -> Value {
            self.0.get(field).cloned().unwrap_or(Value::Empty)
        }
        fn today(&self) -> NaiveDate {
            NaiveDate::from_ymd_opt(2026, 11, 29).unwrap()
        }
    }

    fn scope() -> Answers {
        Answers(HashMap::from([
            ("relation", Value::Text("father".into())),
            ("late", Value::Bool(true)),
            ("copies", Value::Integer(3)),
            ("born", Value::Date(NaiveDate::from_ymd_opt(2020, 11, 30).unwrap())),
        ]))
    }

    fn holds(text: &str) -> bool {
        Condition::parse(text)
            .unwrap_or_else(|e| panic!("{text}: {e}"))
            .holds(&scope())
    }

    #[test]
    fn comparisons_and_logic_follow_precedence() {
        assert!(holds("relation == \"father\""), "text equality");
        assert!(holds("relation != \"mother\" && late"), "and binds a bare yes/no field");
        assert!(holds("copies > 2 and copies <= 3"), "word operators");
        assert!(holds("false || true && true"), "&& binds tighter than ||");
        assert!(!holds("!(late || false)"), "not applies to the parenthesised group");
        assert!(holds("relation in [\"mother\", \"father\"]"), "membership");
    }

    #[test]
    fn age_counts_whole_years_before_the_birthday() {
        assert!(holds("age(born) == 5"), "born 30/11/2020, today 29/11/2026: still 5");
        assert!(holds("age(born) < 6"), "a child under 6");
        assert!(holds("days_since(born) == 2190"), "six years of days, one of them leap");
        assert!(holds("years_between(born, born) == 0"), "no years from a day to itself");
        assert!(
            !holds("years_between(born, missing) >= 0"),
            "years to an unanswered date are unknown"
        );
    }

    #[test]
    fn empty_fields_compare_false_except_not_equal() {
        assert!(!holds("missing == \"x\""), "an unanswered field equals nothing");
        assert!(holds("missing != \"x\""), "and differs from every value");
        assert!(!holds("age(missing) < 6"), "age of an unanswered date is unknown");
        assert!(!holds("answered(missing)") && holds("answered(relation)"), "answered()");
    }

    #[test]
    fn fields_lists_every_referenced_field() {
        let c = Condition::parse("a == 1 || (age(b) > 2 && !answered(c)) || d in [e]").unwrap();
        assert_eq!(c.fields(), vec!["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn hostile_conditions_are_refused_on_a_small_stack() {
        on_small_stack(|| {
            let started = std::time::Instant::now();
            let negations = format!("{}a", "!".repeat(200_000));
            assert!(Condition::parse(&negations).is_err(), "200,000 `!` are refused");
            let chain = vec!["a"; 200_000].join("&&");
            assert!(
                Condition::parse(&chain).is_err(),
                "a 200,000-term `&&` chain is refused"
            );
            let brackets = format!("{}a{}", "(".repeat(200_000), ")".repeat(200_000));
            assert!(Condition::parse(&brackets).is_err(), "200,000 brackets are refused");
            let words = format!("{}a", "not ".repeat(200_000));
            assert!(Condition::parse(&words).is_err(), "200,000 `not` are refused");
            assert!(
                started.elapsed() < std::time::Duration::from_secs(1),
                "refusing hostile conditions is quick, took {:?}",
                started.elapsed()
            );
        });
    }

    #[test]
    fn text_over_the_length_limit_is_refused_before_parsing() {
        let long = format!("a == \"{}\"", "x".repeat(MAX_CONDITION_BYTES));
        let err = Condition::parse(&long).expect_err("a condition over 2 KiB is refused");
        assert!(
            err.problem.contains("the limit is 2048"),
            "the error names the limit: {err}"
        );
        let fits = format!("a == \"{}\"", "x".repeat(MAX_CONDITION_BYTES - 7));
        assert_eq!(fits.len(), MAX_CONDITION_BYTES, "the test text is exactly at the limit");
        assert!(
            Condition::parse(&fits).is_ok(),
            "a condition of exactly 2 KiB is accepted"
        );
    }

    #[test]
    fn nesting_deeper_than_the_limit_is_refused_with_its_position() {
        let at_limit = format!("{}a", "!".repeat(MAX_CONDITION_DEPTH));
        assert!(Condition::parse(&at_limit).is_ok(), "32 negations are accepted");
        let over = format!("{}a", "!".repeat(MAX_CONDITION_DEPTH + 1));
        let err = Condition::parse(&over).expect_err("33 negations are refused");
        assert_eq!(err.position, MAX_CONDITION_DEPTH, "the 33rd `!` is named: {err}");
        assert!(
            err.problem.contains("deeper than 32"),
            "the error names the limit: {err}"
        );
        let brackets = |n: usize| format!("{}a{}", "(".repeat(n), ")".repeat(n));
        assert!(
            Condition::parse(&brackets(MAX_CONDITION_DEPTH)).is_ok(),
            "32 brackets are accepted"
        );
        assert!(
            Condition::parse(&brackets(MAX_CONDITION_DEPTH + 1)).is_err(),
            "33 brackets are refused"
        );
        let mixed = format!(
            "{}a{}",
            "!(".repeat(MAX_CONDITION_DEPTH / 2 + 1),
            ")".repeat(MAX_CONDITION_DEPTH / 2 + 1)
        );
        assert!(
            Condition::parse(&mixed).is_err(),
            "negations and brackets count together"
        );
        let siblings = vec!["((!(a)))"; 100].join(" || ");
        assert!(
            Condition::parse(&siblings).is_ok(),
            "depth is nesting, not the number of groups"
        );
    }

    #[test]
    fn long_chains_are_flat_and_evaluate_on_a_small_stack() {
        on_small_stack(|| {
            let terms: Vec<String> = (0..300).map(|i| format!("f{i}")).collect();
            let chain = terms.join("&&");
            let c = Condition::parse(&chain).expect("a 300-term chain within 2 KiB parses");
            assert!(
                matches!(&c.root, Expr::And(all) if all.len() == 300),
                "the chain is one node with 300 operands"
            );
            assert_eq!(c.fields().len(), 300, "every operand's field is listed");
            assert!(!c.holds(&scope()), "unanswered operands make the chain false");
            let either =
                Condition::parse(&format!("{} || late", terms[..200].join(" or "))).expect("an `or` chain parses");
            assert!(either.holds(&scope()), "one true operand makes an `or` chain true");
        });
    }

    #[test]
    fn parse_errors_name_the_position() {
        let cases = [
            ("relation ==", 11, "ends too early"),
            ("relation = \"x\"", 9, "unexpected character `=`"),
            ("(a == 1", 7, "expected `)`"),
            ("a == \"open", 5, "not closed"),
            ("eval(a)", 0, "unknown function `eval`"),
            ("a == 1 b", 7, "unexpected name `b`"),
        ];
        for (text, position, problem) in cases {
            let err = Condition::parse(text).expect_err(text);
            assert_eq!(err.position, position, "position for {text:?}: {err}");
            assert!(err.problem.contains(problem), "problem for {text:?}: {err}");
        }
    }
}
