"""The clinic: its name, phone, colours, logo and after-care page (clinic.yaml). No Qt."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Colours:
    primary: str = field(metadata={"kind": "colour"})
    background: str = field(metadata={"kind": "colour"})
    text: str = field(metadata={"kind": "colour"})
    highlight: str = field(metadata={"kind": "colour"})


@dataclass(frozen=True)
class Breathing:
    """The paced breathing the pause offers: how slow, and for how many breaths. Each breath
    out lasts longer than the breath in (two fifths in, three fifths out)."""

    per_minute: int = field(default=6, metadata={"min": 3, "max": 10, "unit": "breaths a minute"})
    breaths: int = field(default=6, metadata={"min": 2, "max": 20, "unit": "breaths"})

    @property
    def in_ms(self) -> int:
        return round(60_000 / self.per_minute * 0.4)

    @property
    def out_ms(self) -> int:
        return round(60_000 / self.per_minute * 0.6)


@dataclass(frozen=True)
class Clinic:
    name: str
    phone: str
    colours: Colours
    logo: str | None = field(default=None, metadata={"kind": "asset"})
    # Shown as a QR code on region screens when set; nothing about the patient is in it.
    aftercare_url: str | None = field(default=None, metadata={"kind": "url"})
    # The after-care page in another language, by language code (es: https://...); a language
    # not named here gets aftercare_url.
    aftercare_urls: dict[str, str] = field(default_factory=dict, metadata={"kind": "url"})
    breathing: Breathing = field(default_factory=Breathing)

    def aftercare_for(self, language: str) -> str | None:
        return self.aftercare_urls.get(language, self.aftercare_url)


# A clinic whose own file can't be read: no name, phone, logo or QR code, and plain colours.
# Never the shipped example's: a patient calling the example's number after a bad reaction
# reaches nobody. The pages say "please ask at reception" instead of a phone number.
NO_CLINIC = Clinic(name="", phone="", colours=Colours(primary="#1f4e66", background="#ffffff",
                                                      text="#1f2933", highlight="#b8561f"))

# The shipped example's details: --check-content warns while a clinic still shows them.
EXAMPLE_PHONE = "0123 456 7890"
EXAMPLE_WEB_ADDRESS = "example.com"
