//! byline: parse news articles into one model (paragraphs, named entities,
//! quotations attributed to their speakers) and browse it in a terminal.
//!
//! Layers, bottom up: [`model`] (the types every view reads), [`input`]
//! (files to text), [`segment`], [`entities`] and [`quotes`] (the
//! recognisers), [`parse`] (runs them in order), then the views: [`json`]
//! (`byline parse`) and [`tui`] (the browser). [`cli`] ties them together.

pub mod cli;
pub mod entities;
pub mod input;
pub mod json;
pub mod lexicon;
pub mod model;
pub mod parse;
pub mod quotes;
pub mod segment;
pub mod tui;
