import type { Metadata } from "next";
import { CategoryCreateForm, CategoryRetireButton } from "./category-forms";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requirePageAdmin } from "@/lib/auth/session";
import { listFactorCategories } from "@/lib/coes/categories";

export const metadata: Metadata = { title: "Factor categories" };

export default async function FactorCategoriesPage() {
  const user = await requirePageAdmin();
  const categories = await listFactorCategories(user);
  return (
    <>
      <PageHeader
        title="Contributing-factor categories"
        description="The taxonomy every COE classifies its contributing factors with, so incidents can be counted by cause across the organization. Retired categories stay on old COEs but are not offered for new factors."
        actions={
          <ButtonLink href="/coes" variant="secondary">
            Back to COEs
          </ButtonLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card>
          <Table caption="Contributing-factor categories">
            <thead className="bg-slate-50">
              <tr>
                <Th>Category</Th>
                <Th>Factors</Th>
                <Th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {categories.map((category) => (
                <tr key={category.id} className={category.retiredAt ? "text-slate-500" : undefined}>
                  <Td>
                    <span className="font-medium">{category.name}</span> {category.retiredAt ? <Badge>Retired</Badge> : null}
                    {category.description ? <p className="text-xs text-slate-600">{category.description}</p> : null}
                  </Td>
                  <Td>{category.factorCount}</Td>
                  <Td className="text-right">
                    <CategoryRetireButton categoryId={category.id} name={category.name} retired={category.retiredAt !== null} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        <Card>
          <CardHeader title="Add a category" />
          <CardBody>
            <CategoryCreateForm />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
