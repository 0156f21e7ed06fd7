//! The sandbox over real HTTP on 127.0.0.1: sign-in, catalog, dossiers,
//! faults, restarts, the binary, and the contract in `docs/portal-api.yaml`.
//! One test binary, so the suite links once.

mod at_rest;
mod binary;
mod catalog;
mod common;
mod contract;
mod dossiers;
mod faults;
mod guard;
mod oauth;
mod restart;
mod updates;
