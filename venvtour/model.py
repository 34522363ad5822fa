"""The lesson format: what a lesson file may say, checked by pydantic.

A step is a mapping with exactly one action key (``run``, ``show``, ...) and optional ``title`` and
``say`` text; a step with only ``say`` is a pause for reading. Unknown keys are errors, so a typo
in a lesson never passes silently.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

ACTION_KEYS = (
    "run",
    "show",
    "tree",
    "compare",
    "activate",
    "deactivate",
    "question",
    "inspect",
    "wheels",
    "interpreters",
    "timing",
)
SHELLS = ("bash", "zsh", "fish", "csh", "powershell")

ShellName = Literal["bash", "zsh", "fish", "csh", "powershell"]
ToolName = Literal["uv", "virtualenv", "poetry"]
FactName = Literal[
    "executable",
    "executable_resolved",
    "version",
    "prefix",
    "base_prefix",
    "exec_prefix",
    "base_exec_prefix",
    "in_venv",
    "site_packages",
    "pyvenv_cfg",
    "user_site_enabled",
    "purelib",
    "scripts",
    "stdlib",
    "externally_managed",
]
DEFAULT_FACTS: tuple[FactName, ...] = (
    "executable",
    "version",
    "prefix",
    "base_prefix",
    "exec_prefix",
    "in_venv",
    "site_packages",
)


class Step(BaseModel):
    """What every step may carry besides its action."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str | None = Field(None, description="A short heading for the step.")
    say: str | None = Field(None, description="Markdown shown before the step's action runs.")
    requires: tuple[ToolName, ...] = Field(
        (), description="Tools the step needs; where one is missing the step says so and the lesson goes on."
    )

    @property
    def action(self) -> str:
        return STEP_TAGS[type(self)]

    @property
    def makes(self) -> tuple[str, ...]:
        """Workspace paths this step leaves for later steps: a replay runs it again when one is gone."""
        return ()


class SayStep(Step):
    say: str = Field(description="Markdown text; the step only shows it.")


class RunStep(Step):
    run: str = Field(description="A command, split like a shell would (no shell runs it); {placeholders} allowed.")
    expect: Literal["success", "failure"] = Field("success", description="Whether the command should succeed.")
    env: dict[str, str] = Field(default_factory=dict, description="Extra environment variables for the command.")
    timeout: float = Field(600, gt=0, description="Seconds before the command is stopped.")
    creates: str | None = Field(
        None, description="A workspace path this step makes; replaying a lesson re-runs the step if it is gone."
    )
    output: str | None = Field(
        None, description="A workspace file the command's output is also written to, as `> file` would in a shell."
    )

    @property
    def makes(self) -> tuple[str, ...]:
        return tuple(path for path in (self.creates, self.output) if path)


class ShowStep(Step):
    show: str = Field(description="A file in the workspace to show.")
    notes: dict[str, str] = Field(
        default_factory=dict, description="For `key = value` files: a note for each key, shown when the key is there."
    )
    if_missing: str | None = Field(
        None, description="Shown instead when the file does not exist (without it, a missing file fails the step)."
    )


class TreeStep(Step):
    tree: str = Field(description="A folder in the workspace to draw.")
    depth: int = Field(2, ge=1, le=6, description="How many levels to draw.")


class CompareStep(Step):
    compare: dict[str, str] = Field(
        min_length=2,
        max_length=2,
        description="Two interpreters, label: path, whose facts are shown side by side.",
    )
    facts: tuple[FactName, ...] = Field(DEFAULT_FACTS, description="Which facts to show.")
    path: bool = Field(True, description="Also show sys.path as a diff of the two.")


class ActivateStep(Step):
    activate: str = Field(description="The venv folder whose activate script is sourced.")
    shell: ShellName | None = Field(None, description="The shell to use; by default bash, or zsh, where present.")


class DeactivateStep(Step):
    deactivate: str = Field(description="The venv folder activated before; shows what deactivate restores.")
    shell: ShellName | None = Field(None, description="The shell to use; by default bash, or zsh, where present.")


class QuestionStep(Step):
    question: str = Field(description="A question for the learner (markdown, placeholders allowed).")
    answer: str = Field(description="The right answer, with placeholders so it is computed on this machine.")
    choices: tuple[str, ...] | None = Field(
        None, min_length=2, description="Possible answers; the learner picks one by number. The answer must be one."
    )
    hint: str | None = Field(None, description="Shown after a wrong answer.")


class InspectStep(Step):
    inspect: str = Field(description="One interpreter (a path, placeholders allowed) whose facts are shown.")
    facts: tuple[FactName, ...] = Field(DEFAULT_FACTS, description="Which facts to show.")


class WheelsStep(Step):
    wheels: str = Field(description="A workspace folder where the demo-lib 1.0 and 2.0 wheels are written.")

    @property
    def makes(self) -> tuple[str, ...]:
        return (self.wheels,)


class InterpretersStep(Step):
    interpreters: str = Field(
        description="A workspace folder for one venv per Python version found on this machine (made without pip)."
    )
    at_most: int = Field(2, ge=0, le=4, description="How many versions besides the tour's get a venv.")


class TimingStep(Step):
    timing: str = Field(description="A workspace folder where venvs are made, timed and removed again.")
    runs: int = Field(3, ge=1, le=9, description="How often each command runs; the median is shown.")


STEP_TAGS: dict[type[Step], str] = {
    SayStep: "say",
    RunStep: "run",
    ShowStep: "show",
    TreeStep: "tree",
    CompareStep: "compare",
    ActivateStep: "activate",
    DeactivateStep: "deactivate",
    QuestionStep: "question",
    InspectStep: "inspect",
    WheelsStep: "wheels",
    InterpretersStep: "interpreters",
    TimingStep: "timing",
}


def step_tag(value: Any) -> str | None:
    """Pick the step model from the one action key present; None makes pydantic report it."""
    if isinstance(value, Step):
        return value.action
    if not isinstance(value, dict):
        return None
    actions = [key for key in ACTION_KEYS if key in value]
    if len(actions) == 1:
        return actions[0]
    if not actions and "say" in value:
        return "say"
    return None


AnyStep = Annotated[
    Annotated[SayStep, Tag("say")]
    | Annotated[RunStep, Tag("run")]
    | Annotated[ShowStep, Tag("show")]
    | Annotated[TreeStep, Tag("tree")]
    | Annotated[CompareStep, Tag("compare")]
    | Annotated[ActivateStep, Tag("activate")]
    | Annotated[DeactivateStep, Tag("deactivate")]
    | Annotated[QuestionStep, Tag("question")]
    | Annotated[InspectStep, Tag("inspect")]
    | Annotated[WheelsStep, Tag("wheels")]
    | Annotated[InterpretersStep, Tag("interpreters")]
    | Annotated[TimingStep, Tag("timing")],
    Discriminator(
        step_tag,
        custom_error_type="step_action",
        custom_error_message="a step needs exactly one action",
    ),
]


class Lesson(BaseModel):
    """One lesson: a titled list of steps, played in order."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", description="The name used on the command line.")
    title: str
    summary: str
    steps: tuple[AnyStep, ...] = Field(min_length=1)

    def label(self, index: int) -> str:
        """A step's heading. An untitled step goes on with the titled one before it, so it says so."""
        step = self.steps[index]
        if step.title:
            return step.title
        if isinstance(step, QuestionStep):
            return "A question"
        earlier = next((before.title for before in reversed(self.steps[:index]) if before.title), None)
        return f"{earlier} (continued)" if earlier else self.title
