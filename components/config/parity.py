"""`parity`: the reviewed exceptions to "every stack plans the same resources (types and keys)".

A resource is named as `make diff` prints it, `<type token>::<resource name>`, with the stacks that have it
and why. Declared here in tenant.yaml (not in a stack file) so the exception is reviewed with the blueprint.
"""


from typing import Annotated

from pydantic import Field

from components.config.types import Strict

ResourceIdentity = Annotated[str, Field(
    pattern=r"^[A-Za-z0-9_.:/$-]+::[A-Za-z0-9_.-]+$",
    description="<type token>::<resource name>, e.g. auth0:index/client:Client::ciam-apps-debug-console",
)]


class ParityException(Strict):
    resource: ResourceIdentity
    stacks: list[str] = Field(min_length=1, description="the only stacks that plan this resource")
    reason: str = Field(min_length=1, description="why the environments differ here (for the reviewer)")


class ParitySection(Strict):
    exceptions: list[ParityException] = Field(default_factory=list)
