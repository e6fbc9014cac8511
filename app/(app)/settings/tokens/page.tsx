import type { Metadata } from "next";
import { RevokeTokenButton } from "./revoke-token-button";
import { TokenCreateForm } from "./token-create-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DateTime } from "@/components/ui/format-date";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { TableBody, TableHead } from "@/components/ui/table-parts";
import { requirePageUser } from "@/lib/auth/session";
import { listOwnTokens } from "@/lib/tokens/queries";

export const metadata: Metadata = { title: "API tokens" };

type TokenStatus = "active" | "expired" | "revoked";

function tokenStatus(token: { revokedAt: Date | null; expiresAt: Date | null }): TokenStatus {
  if (token.revokedAt) return "revoked";
  if (token.expiresAt && token.expiresAt.getTime() <= Date.now()) return "expired";
  return "active";
}

const STATUS_BADGE = {
  active: <Badge tone="green">Active</Badge>,
  expired: <Badge tone="amber">Expired</Badge>,
  revoked: <Badge tone="red">Revoked</Badge>,
} satisfies Record<TokenStatus, React.ReactNode>;

const linkClasses = "font-medium text-indigo-700 hover:underline";

export default async function TokensPage() {
  const user = await requirePageUser();
  const tokens = await listOwnTokens(user);
  return (
    <>
      <PageHeader
        title="API tokens"
        description="Personal tokens let scripts and CI pipelines use the Andon API as you, with your permissions. Create one per use, so you can revoke it alone."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Create a token" description="The token is shown once, right after you create it. Andon stores only a hash of it." />
          <CardBody>
            <TokenCreateForm />
          </CardBody>
        </Card>
        {tokens.length === 0 ? (
          <EmptyState title="You have no API tokens yet">
            <p>
              A token lets a program call the Andon API as you: send it in the header{" "}
              <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-800">Authorization: Bearer andon_…</code> with requests to{" "}
              <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-xs text-slate-800">/api/v1</code>. The endpoints are described in the{" "}
              <a className={linkClasses} href="/api/v1/openapi.json">
                OpenAPI document
              </a>
              .
            </p>
          </EmptyState>
        ) : (
          <Card>
            <CardHeader
              title="Your tokens"
              description="Revoke a token as soon as whatever uses it no longer needs it, or if it may have leaked."
              actions={
                <a className={`${linkClasses} text-sm`} href="/api/v1/openapi.json">
                  API reference (OpenAPI)
                </a>
              }
            />
            <Table caption="Your API tokens">
              <TableHead columns={["Name", "Token", "Created", "Last used", "Expires", "Status"]} actions />
              <TableBody>
                {tokens.map((token) => {
                  const status = tokenStatus(token);
                  return (
                    <tr key={token.id} className={status === "active" ? undefined : "text-slate-500"}>
                      <Td className="font-medium">{token.name}</Td>
                      <Td>
                        <code className="font-mono text-xs">{token.prefix}…</code>
                      </Td>
                      <Td className="whitespace-nowrap">
                        <DateTime value={token.createdAt} />
                      </Td>
                      <Td className="whitespace-nowrap">
                        {token.lastUsedAt ? <DateTime value={token.lastUsedAt} /> : <span className="text-slate-500">Never</span>}
                      </Td>
                      <Td className="whitespace-nowrap">
                        {token.expiresAt ? <DateTime value={token.expiresAt} dateOnly /> : <span className="text-slate-500">Never</span>}
                      </Td>
                      <Td>{STATUS_BADGE[status]}</Td>
                      <Td className="text-right">{status === "revoked" ? null : <RevokeTokenButton tokenId={token.id} name={token.name} />}</Td>
                    </tr>
                  );
                })}
              </TableBody>
            </Table>
          </Card>
        )}
      </div>
    </>
  );
}
