//! The fixed demo tenant the stand-in starts with: an admin environment holding a worker
//! application, and the environment the workflows configure. `environments/pingone-demo` carries
//! the same values (a test keeps them equal).

/// The admin environment (`adminEnvID`), where the worker application lives.
pub const DEMO_ADMIN_ENV_ID: &str = "5f2d7e4a-1c3b-4e8f-9a6d-0b1c2d3e4f50";
/// The worker application's client id (`adminAppID`).
pub const DEMO_ADMIN_APP_ID: &str = "c7a1e3b5-2d4f-4a6c-8e0b-1f2a3b4c5d6e";
/// The worker application's client secret (`adminAppSecret`).
pub const DEMO_ADMIN_APP_SECRET: &str = "postie-demo-worker-secret.Kq8Zr2Lm5Nx7Vb";
/// The environment the workflows create their application and user in (`envID`).
pub const DEMO_ENV_ID: &str = "0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b";
/// The port `postie mock pingone` listens on by default (the demo environment points there).
pub const DEMO_PORT: u16 = 8787;
