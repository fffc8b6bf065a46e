pub mod pylib;
