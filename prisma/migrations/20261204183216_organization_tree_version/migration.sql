-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "tree_version" INTEGER NOT NULL DEFAULT 0;

-- Hand-written (allow-listed in scripts/db/migrations.test.ts): every write to an organization's
-- teams raises its tree_version, whoever writes them (app, catalog import, seeds), so an app
-- instance's cached team tree is known to be stale on the next request.
CREATE FUNCTION "bump_organization_tree_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE "organizations" SET "tree_version" = "tree_version" + 1 WHERE "id" = OLD."organization_id";
  ELSE
    UPDATE "organizations" SET "tree_version" = "tree_version" + 1 WHERE "id" = NEW."organization_id";
    IF TG_OP = 'UPDATE' AND NEW."organization_id" IS DISTINCT FROM OLD."organization_id" THEN
      UPDATE "organizations" SET "tree_version" = "tree_version" + 1 WHERE "id" = OLD."organization_id";
    END IF;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "teams_bump_tree_version"
AFTER INSERT OR UPDATE OR DELETE ON "teams"
FOR EACH ROW EXECUTE FUNCTION "bump_organization_tree_version"();
