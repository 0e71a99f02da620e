//! parevo's Rust runtime. Candidates see the safe part: the flat, borrowed views of a task's
//! input (`Graph`, `Matrix`). The `abi` module is the trusted side of the C ABI between parevo's
//! C++ adapter and the generated entry point: it turns pointers and lengths into slices and copies
//! a result into a buffer the harness owns. Candidates cannot call it to any effect (every function
//! there is `unsafe`, and candidate code is compiled under `#![forbid(unsafe_code)]`).

pub use rayon;

/// An undirected graph in CSR form: the neighbours of `v` are
/// `targets[offsets[v] as usize .. offsets[v + 1] as usize]`.
#[derive(Clone, Copy, Debug)]
pub struct Graph<'a> {
    pub n: usize,
    pub offsets: &'a [i64],
    pub targets: &'a [i32],
}

impl<'a> Graph<'a> {
    #[inline]
    pub fn neighbors(&self, v: usize) -> &'a [i32] {
        &self.targets[self.offsets[v] as usize..self.offsets[v + 1] as usize]
    }
    #[inline]
    pub fn degree(&self, v: usize) -> usize {
        (self.offsets[v + 1] - self.offsets[v]) as usize
    }
    pub fn num_edges(&self) -> usize {
        self.targets.len()
    }
}

/// A sparse matrix in CSR form: row `r` holds `col_idx[k]`, `values[k]` for `k` in
/// `row_ptr[r] .. row_ptr[r + 1]`.
#[derive(Clone, Copy, Debug)]
pub struct Matrix<'a> {
    pub rows: usize,
    pub cols: usize,
    pub row_ptr: &'a [i64],
    pub col_idx: &'a [i32],
    pub values: &'a [f64],
}

/// `std::complex<double>`: the real and the imaginary part (the C++ layout: two doubles).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

/// A point in the plane (ParEval's `struct Point { double x, y; }`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A nonzero of a sparse matrix in COO form (ParEval's `COOElement`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct CooElement {
    pub row: usize,
    pub column: usize,
    pub value: f64,
}

/// A nonzero of a sparse vector (ParEval's `Element`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Element {
    pub index: usize,
    pub value: f64,
}

/// ParEval's `struct Result { int startTime, duration; float value; }` (renamed: `Result` would
/// shadow std's).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TimedResult {
    pub start_time: i32,
    pub duration: i32,
    pub value: f32,
}

pub mod abi {
    //! The C ABI shared with `parevo/verify/rust/adapter.hpp` (keep the two in step).
    use std::panic::{catch_unwind, AssertUnwindSafe};

    /// One argument: a slice (`ptr`, `len` elements) or a scalar (`ptr` null, the value's bits in `len`).
    #[repr(C)]
    #[derive(Clone, Copy)]
    pub struct Arg {
        pub ptr: *const u8,
        pub len: u64,
    }

    /// Where the output goes: `grow(vec, n)` resizes a harness-owned buffer to `n` elements and
    /// returns its start.
    #[repr(C)]
    pub struct Out {
        pub vec: *mut u8,
        pub grow: extern "C" fn(*mut u8, u64) -> *mut u8,
    }

    /// # Safety
    /// `a` must describe `a.len` valid, aligned `T`s that outlive the call.
    pub unsafe fn slice<'a, T>(a: Arg) -> &'a [T] {
        if a.len == 0 {
            return &[];
        }
        std::slice::from_raw_parts(a.ptr as *const T, a.len as usize)
    }

    /// A mutable view of a harness-owned buffer (an in-place argument).
    ///
    /// # Safety
    /// `a` must describe `a.len` valid, aligned `T`s that outlive the call, which nothing else
    /// reads or writes during it.
    pub unsafe fn slice_mut<'a, T>(a: Arg) -> &'a mut [T] {
        if a.len == 0 {
            return &mut [];
        }
        std::slice::from_raw_parts_mut(a.ptr as *mut T, a.len as usize)
    }

    /// A `Graph` from three arguments from `at`: n, offsets, targets.
    ///
    /// # Safety
    /// As for `slice`.
    pub unsafe fn graph<'a>(a: &[Arg], at: usize) -> crate::Graph<'a> {
        crate::Graph { n: a[at].len as usize, offsets: slice(a[at + 1]), targets: slice(a[at + 2]) }
    }

    pub fn scalar_i64(a: Arg) -> i64 {
        a.len as i64
    }

    pub fn scalar_f64(a: Arg) -> f64 {
        f64::from_bits(a.len)
    }

    /// # Safety
    /// `out` must come from the adapter, for a buffer of `T`.
    pub unsafe fn emit<T: Copy>(out: &Out, values: &[T]) {
        let dst = (out.grow)(out.vec, values.len() as u64) as *mut T;
        if !values.is_empty() {
            std::ptr::copy_nonoverlapping(values.as_ptr(), dst, values.len());
        }
    }

    /// Runs the candidate; a panic becomes return code 1 with its message in `err` (a panic must
    /// not unwind into C++).
    ///
    /// # Safety
    /// `err` must point at `cap` writable bytes.
    pub unsafe fn guard<F: FnOnce()>(err: *mut u8, cap: u32, f: F) -> i32 {
        match catch_unwind(AssertUnwindSafe(f)) {
            Ok(()) => 0,
            Err(payload) => {
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "a panic without a message".to_string());
                let text = format!("the Rust candidate panicked: {msg}");
                let n = text.len().min(cap.saturating_sub(1) as usize);
                std::ptr::copy_nonoverlapping(text.as_ptr(), err, n);
                *err.add(n) = 0;
                1
            }
        }
    }

    /// Builds Rayon's global pool with the harness's thread count, once per candidate process.
    pub fn init(threads: i32) -> i32 {
        let n = threads.max(1) as usize;
        match rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .thread_name(|i| format!("parevo-rayon-{i}"))
            .build_global()
        {
            Ok(()) => 0,
            Err(_) => 1,
        }
    }
}
