//! A progress bar for long imports, on standard error.

/// A progress bar over `total_bytes` of input, labelled `label`; feed it the bytes read so far
/// (the importers' `progress` callback) and call [`indicatif::ProgressBar::finish`] at the end.
/// Draws nothing when standard error is not a terminal.
pub fn bar(total_bytes: u64, label: &str) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(total_bytes);
    let style = indicatif::ProgressStyle::with_template(
        "{prefix} [{bar:40}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
    )
    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(label.to_owned());
    bar
}
