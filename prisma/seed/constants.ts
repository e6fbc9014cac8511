/** Fixed ids, so tests and links in docs can name demo records. */
export const DEMO_ORG_ID = "org_demo";
export const DEMO_PASSWORD = "andon-demo-password";

export const DEMO_TEAMS = {
  retail: { id: "team_retail", name: "Retail Engineering", parentId: null, description: "Everything a shopper touches." },
  checkout: { id: "team_checkout", name: "Checkout", parentId: "team_retail", description: "Cart to confirmation." },
  payments: { id: "team_payments", name: "Payments", parentId: "team_checkout", description: "Card, wallet and refund flows." },
  cart: { id: "team_cart", name: "Cart", parentId: "team_checkout", description: "Basket and pricing." },
  catalog: { id: "team_catalog", name: "Catalog", parentId: "team_retail", description: "Product data and search." },
  platform: { id: "team_platform", name: "Platform", parentId: null, description: "Shared infrastructure." },
  storage: { id: "team_storage", name: "Storage", parentId: "team_platform", description: "Databases and object storage." },
  network: { id: "team_network", name: "Networking", parentId: "team_platform", description: "DNS, edge and load balancing." },
} as const;

export const DEMO_SERVICES = [
  { id: "svc_storefront", name: "storefront-web", teamId: DEMO_TEAMS.retail.id, description: "The customer-facing web shop." },
  { id: "svc_checkout", name: "checkout-api", teamId: DEMO_TEAMS.checkout.id, description: "Order placement API." },
  { id: "svc_payments", name: "payment-gateway", teamId: DEMO_TEAMS.payments.id, description: "Talks to card processors." },
  { id: "svc_refunds", name: "refund-worker", teamId: DEMO_TEAMS.payments.id, description: "Processes refunds asynchronously." },
  { id: "svc_cart", name: "cart-service", teamId: DEMO_TEAMS.cart.id, description: "Shopping basket state." },
  { id: "svc_pricing", name: "pricing-engine", teamId: DEMO_TEAMS.cart.id, description: "Prices, discounts and tax." },
  { id: "svc_search", name: "product-search", teamId: DEMO_TEAMS.catalog.id, description: "Search and browse." },
  { id: "svc_postgres", name: "postgres-fleet", teamId: DEMO_TEAMS.storage.id, description: "Managed PostgreSQL clusters." },
  { id: "svc_objects", name: "object-store", teamId: DEMO_TEAMS.storage.id, description: "Images and exports." },
  { id: "svc_dns", name: "edge-dns", teamId: DEMO_TEAMS.network.id, description: "Authoritative DNS and CDN config." },
] as const;

type DemoUser = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  memberships: { teamId: string; role: "VIEWER" | "MEMBER" | "REVIEWER" | "MANAGER" }[];
  /** How the launcher describes the login. */
  role: string;
};

export const DEMO_USERS: DemoUser[] = [
  { id: "user_admin", email: "admin@andon.local", name: "Ada Okafor", isAdmin: true, memberships: [], role: "organization admin" },
  {
    id: "user_manager",
    email: "manager@andon.local",
    name: "Maya Lindqvist",
    isAdmin: false,
    memberships: [{ teamId: DEMO_TEAMS.retail.id, role: "MANAGER" }],
    role: "manager of Retail Engineering",
  },
  {
    id: "user_reviewer",
    email: "reviewer@andon.local",
    name: "Rui Tanaka",
    isAdmin: false,
    memberships: [{ teamId: DEMO_TEAMS.retail.id, role: "REVIEWER" }],
    role: "reviewer in Retail Engineering",
  },
  {
    id: "user_member",
    email: "member@andon.local",
    name: "Mel Fischer",
    isAdmin: false,
    memberships: [{ teamId: DEMO_TEAMS.checkout.id, role: "MEMBER" }],
    role: "member of Checkout",
  },
  {
    id: "user_platform",
    email: "platform@andon.local",
    name: "Priya Raman",
    isAdmin: false,
    memberships: [{ teamId: DEMO_TEAMS.platform.id, role: "MANAGER" }],
    role: "manager of Platform",
  },
  {
    id: "user_viewer",
    email: "viewer@andon.local",
    name: "Vic Moreau",
    isAdmin: false,
    memberships: [{ teamId: DEMO_TEAMS.catalog.id, role: "VIEWER" }],
    role: "viewer of Catalog",
  },
];
