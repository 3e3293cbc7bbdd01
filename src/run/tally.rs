//! Counting as Newman counts: the `run.stats` rows and the response-time statistics of
//! `run.timings`, accumulated as the run goes (nothing per request is kept).

use super::summary::{Stat, Stats, Timings};

/// Running sums for one series of milliseconds (mean, min, max, population s.d.).
#[derive(Debug, Clone, Copy, Default)]
struct Series {
    n: u64,
    sum: f64,
    sum_sq: f64,
    min: f64,
    max: f64,
}

impl Series {
    fn add(&mut self, v: f64) {
        if self.n == 0 || v < self.min {
            self.min = v;
        }
        if self.n == 0 || v > self.max {
            self.max = v;
        }
        self.n += 1;
        self.sum += v;
        self.sum_sq += v * v;
    }
    fn mean(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.sum / self.n as f64
        }
    }
    fn sd(&self) -> f64 {
        if self.n == 0 {
            return 0.0;
        }
        let m = self.mean();
        (self.sum_sq / self.n as f64 - m * m).max(0.0).sqrt()
    }
}

/// The counters of a run in progress.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    pub stats: Stats,
    response: Series,
    dns: Series,
    first_byte: Series,
    pub response_total: u64,
}

impl Tally {
    /// A request finished: with its response time, body size and phases, or failed.
    pub fn request(&mut self, outcome: Option<(f64, usize, Option<f64>, Option<f64>)>) {
        self.stats.requests.total += 1;
        match outcome {
            Some((time, size, dns, first_byte)) => {
                self.response.add(time);
                self.response_total += size as u64;
                if let Some(d) = dns {
                    self.dns.add(d);
                }
                if let Some(f) = first_byte {
                    self.first_byte.add(f);
                }
            }
            None => self.stats.requests.failed += 1,
        }
    }

    pub fn assertion(&mut self, skipped: bool, failed: bool) {
        bump(&mut self.stats.assertions, failed);
        if skipped {
            self.stats.assertions.pending += 1;
        }
    }

    /// A script ran (`test` or `prerequest`), failed or not.
    pub fn script(&mut self, test: bool, failed: bool) {
        bump(&mut self.stats.scripts, failed);
        let row = if test {
            &mut self.stats.test_scripts
        } else {
            &mut self.stats.prerequest_scripts
        };
        bump(row, failed);
    }

    pub fn timings(&self, started: i64, completed: i64) -> Timings {
        Timings {
            response_average: self.response.mean(),
            response_min: self.response.min,
            response_max: self.response.max,
            response_sd: self.response.sd(),
            dns_average: self.dns.mean(),
            dns_min: self.dns.min,
            dns_max: self.dns.max,
            dns_sd: self.dns.sd(),
            first_byte_average: self.first_byte.mean(),
            first_byte_min: self.first_byte.min,
            first_byte_max: self.first_byte.max,
            first_byte_sd: self.first_byte.sd(),
            started,
            completed,
        }
    }
}

fn bump(stat: &mut Stat, failed: bool) {
    stat.total += 1;
    if failed {
        stat.failed += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn response_statistics() {
        let mut t = Tally::default();
        t.request(Some((10.0, 100, None, None)));
        t.request(Some((30.0, 50, None, None)));
        t.request(None);
        let timings = t.timings(0, 1);
        assert_eq!(timings.response_average, 20.0);
        assert_eq!(timings.response_min, 10.0);
        assert_eq!(timings.response_max, 30.0);
        assert_eq!(timings.response_sd, 10.0);
        assert_eq!(
            t.stats.requests,
            Stat {
                total: 3,
                pending: 0,
                failed: 1
            }
        );
        assert_eq!(t.response_total, 150);
    }
}
