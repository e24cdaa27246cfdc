import { Button, Card, Heading } from "@digdir/designsystemet-react";
import { useState } from "react";
import { type Requirement, type SteeringDocument, useDeleteRequirement } from "../../api/steering.ts";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLocale } from "../../i18n/i18n.tsx";
import { RequirementFacts, RequirementTags } from "./RequirementFacts.tsx";
import { RequirementForm } from "./RequirementForm.tsx";

export function RequirementCard({
  requirement,
  document,
  onDone,
}: {
  requirement: Requirement;
  document: SteeringDocument;
  onDone: (message: string) => void;
}) {
  const { t } = useLocale();
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useDeleteRequirement();
  return (
    <Card className="requirement-card" id={`requirement-${requirement.id}`}>
      <Heading level={4} data-size="2xs">
        {t("steering.requirementHeading", { number: requirement.number })}
      </Heading>
      <RequirementTags requirement={requirement} />
      <RequirementFacts requirement={requirement} />
      {document.can.edit && !editing && (
        <div className="button-row">
          <Button type="button" variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
            {t("steering.requirement.edit", { number: requirement.number })}
          </Button>
          {confirmDelete ? (
            <>
              <Button
                type="button"
                data-size="sm"
                data-color="danger"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(
                    { id: requirement.id, version: requirement.version },
                    {
                      onSuccess: () =>
                        onDone(t("steering.requirement.deleted", { number: requirement.number })),
                    },
                  )
                }
              >
                {t("steering.requirement.confirmDelete", { number: requirement.number })}
              </Button>
              <Button type="button" variant="tertiary" data-size="sm" onClick={() => setConfirmDelete(false)}>
                {t("answers.cancel")}
              </Button>
            </>
          ) : (
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              data-color="danger"
              onClick={() => setConfirmDelete(true)}
            >
              {t("steering.requirement.delete", { number: requirement.number })}
            </Button>
          )}
        </div>
      )}
      <ProblemAlert error={remove.error} headingLevel={4} />
      {editing && (
        <RequirementForm
          documentId={document.id}
          chapters={document.chapters}
          recipients={document.recipients}
          requirement={requirement}
          headingLevel={5}
          onDone={(message) => {
            setEditing(false);
            onDone(message);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
