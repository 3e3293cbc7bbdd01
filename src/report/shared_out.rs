//! One standard output shared by the reporters that print (cli, progress, emojitrain), so they
//! write to the same stream in event order.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

/// A cloneable handle on one writer (normally standard output). Single-threaded, like the run.
#[derive(Clone)]
pub struct SharedOut(Rc<RefCell<Box<dyn Write>>>);

impl SharedOut {
    pub fn new(out: Box<dyn Write>) -> Self {
        SharedOut(Rc::new(RefCell::new(out)))
    }
}

impl Write for SharedOut {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().write(buf)
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.borrow_mut().write_all(buf)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.borrow_mut().flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Default)]
    struct Buf(Rc<RefCell<Vec<u8>>>);
    impl Write for Buf {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn clones_write_to_the_same_stream_in_order() {
        let buf = Buf::default();
        let mut a = SharedOut::new(Box::new(buf.clone()));
        let mut b = a.clone();
        a.write_all(b"one ").unwrap();
        b.write_all(b"two").unwrap();
        b.flush().unwrap();
        assert_eq!(&*buf.0.borrow(), b"one two");
    }
}
