"""Where each tap leads: makes the screen for the patient's visit from the pages, connects
what the screen asks for to the next screen, and shows it through the navigator.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from kiosk.model.content import Language
from kiosk.model.wording import fill
from kiosk.pages.book import Page, PageBook
from kiosk.reading.bodyart import BodyArt
from kiosk.ui.navigation.navigator import Build, Navigator
from kiosk.ui.screens.screen import Screen
from kiosk.visit.card import TherapistCard
from kiosk.visit.patient import Visit
from kiosk.visit.screens import ATTRACT, CARD, HOME, PRECAUTIONS, QUESTIONS, SOURCES, ScreenId, ScreenKind

if TYPE_CHECKING:  # the screens are imported when first wanted: home is painted sooner
    from kiosk.ui.screens.article import ArticleScreen
    from kiosk.ui.screens.region import RegionScreen

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Scene:
    """What the screens are made from now: the content, the patient's choices and their pages."""

    book: PageBook
    visit: Visit
    pages: PageBook  # themed for the visit's contrast and text size
    language: Language
    card: TherapistCard = TherapistCard()  # issue #17: beside the visit, so a tick remakes no kept screen

    def region_names(self) -> dict[str, str]:
        regions = self.language.regions
        return {rid: regions[rid].name if rid in regions else rid.replace("_", " ").title()
                for rid in self.book.content.region_ids}


class Router(QObject):
    """``homeWanted`` asks the window for home (it may swap in new content first);
    ``textSizeRequested`` and ``calmToggled`` pass on any screen's text-size and calm controls."""

    homeWanted = Signal()
    textSizeRequested = Signal()
    calmToggled = Signal(bool)
    tickToggled = Signal(object, bool)  # issue #17: a Tick on the therapist card, ticked or not
    cardCleared = Signal()

    def __init__(self, navigator: Navigator, scene: Callable[[], Scene]):
        super().__init__(navigator)
        self.navigator = navigator
        self._scene = scene
        self.again: Callable[[], None] = self.homeWanted.emit  # shows the current screen again
        self._walkthrough_from_page: dict[str, int] = {}  # the region page each walkthrough returns to

    def show_attract(self, art: BodyArt) -> None:
        from kiosk.ui.screens.attract import AttractScreen

        scene = self._scene()
        content = scene.book.content
        # The clinic in the visit's colours (high contrast included): the map's words are drawn in them.
        screen = AttractScreen(scene.language.ui, scene.pages.content.clinic, art, scene.region_names(),
                               [content.language(code).ui.tap_to_start for code in content.languages])
        screen.setAccessibleName(scene.language.ui.attract)
        screen.tapped.connect(self.homeWanted)
        self.navigator.show(ATTRACT, screen)

    def show_region(self, region_id: str, page: int = 0) -> None:
        self.again = partial(self.show_region, region_id, page)

        def screen() -> Screen:
            region = self.region_screen(region_id)
            region.start_over(page)
            # Shown again (a new text size, calm mode) on the page the patient is on.
            self.again = lambda: self.show_region(region_id, region.index)
            return region

        self._show_safely(ScreenId.for_region(region_id, page), screen)

    def show_walkthrough(self, region_id: str | None = None, step: int = 0) -> None:
        from kiosk.ui.screens.walkthrough import WalkthroughScreen

        scene = self._scene()

        def build() -> WalkthroughScreen:
            lang, calm = scene.visit.language, scene.visit.calm
            steps = [scene.pages.step(lang, calm, region_id, i) for i in range(max(scene.pages.step_count(lang), 1))]
            back_label = scene.region_names()[region_id] if region_id else None
            screen = WalkthroughScreen(steps, scene.language.ui, start=step, back_label=back_label, calm=calm,
                                       text_scale=scene.visit.text_scale)
            # Home, Esc and Done go back to where the walkthrough began: its region, or home.
            if region_id:
                screen.homeRequested.connect(
                    lambda: self.show_region(region_id, self._walkthrough_from_page.get(region_id, 0)))
            else:
                screen.homeRequested.connect(self.homeWanted)
            screen.stepChanged.connect(lambda i: self.navigator.rename(ScreenId.walkthrough(region_id, i)))
            screen.questions_button.setVisible(scene.language.questions is not None)  # issue #17
            screen.questionsRequested.connect(self.show_questions)
            screen.textSizeRequested.connect(self.textSizeRequested)
            screen.calmToggled.connect(self.calmToggled)
            return screen

        def screen() -> Screen:
            walkthrough = self.navigator.kept(ScreenId.walkthrough(region_id), self.made_for(scene), build)
            assert isinstance(walkthrough, WalkthroughScreen)
            walkthrough.start_over(step)
            # Shown again (a new text size) at the step the patient is on, not where it began.
            self.again = lambda: self.show_walkthrough(region_id, walkthrough.index)
            return walkthrough

        self.again = partial(self.show_walkthrough, region_id, step)
        self._show_safely(ScreenId.walkthrough(region_id, step), screen)

    def show_precautions(self, back: ScreenId = HOME) -> None:
        from kiosk.ui.screens.precautions import PrecautionsScreen

        self.again = partial(self.show_precautions, back)

        def screen() -> Screen:
            # Made afresh each time (its page is rendered once and kept by the page book), so its
            # tick boxes always show the card as it is now.
            scene = self._scene()
            ui = scene.language.ui
            to_region = back.region if back.kind is ScreenKind.REGION else None
            page = scene.pages.precautions(scene.visit.language, scene.visit.calm)
            made = PrecautionsScreen(page, scene.language.precautions, ui,
                                     scene.region_names()[to_region] if to_region else ui.home_button, scene.card,
                                     text_scale=scene.visit.text_scale)
            made.textSizeRequested.connect(self.textSizeRequested)
            made.tickToggled.connect(self.tickToggled)
            made.cardRequested.connect(self.show_card)
            if to_region:
                made.backRequested.connect(lambda: self.show_region(to_region))
            else:
                made.backRequested.connect(self.homeWanted)
            return made

        self._show_safely(PRECAUTIONS, screen)

    # --- issue #17: the therapist card -----------------------------------------------

    def show_questions(self, back: Callable[[], None] | None = None) -> None:
        """The clinic's questions as tick boxes; Back returns to the screen they were asked from."""
        from kiosk.ui.screens.questions import QuestionsScreen

        return_to = back or self.again
        self.again = partial(self.show_questions, return_to)

        def screen() -> Screen:
            scene = self._scene()
            questions = scene.language.questions
            if questions is None:
                raise LookupError("this content has no questions.yaml")
            ui = scene.language.ui
            made = QuestionsScreen(questions, ui, ui.go_back or ui.previous_button, scene.card,
                                   text_scale=scene.visit.text_scale)
            made.backRequested.connect(return_to)
            made.textSizeRequested.connect(self.textSizeRequested)
            made.tickToggled.connect(self.tickToggled)
            made.cardRequested.connect(self.show_card)
            return made

        self._show_safely(QUESTIONS, screen)

    def show_card(self, back: Callable[[], None] | None = None) -> None:
        """What the patient ticked, in their language and beneath in the clinic's."""
        from kiosk.ui.screens.card import CardScreen

        return_to = back or self.again
        self.again = partial(self.show_card, return_to)

        def screen() -> Screen:
            scene = self._scene()
            clinic = scene.book.content.base
            # The line beneath is for the therapist, so its "In English:" is in the clinic's language too.
            beneath = fill(clinic.ui.card_base_language, language=clinic.name)
            ui = scene.language.ui
            made = CardScreen(scene.card.lines(scene.language, clinic), ui, beneath, ui.go_back or ui.previous_button,
                              text_scale=scene.visit.text_scale)
            made.backRequested.connect(return_to)
            made.textSizeRequested.connect(self.textSizeRequested)
            made.clearRequested.connect(self.cardCleared)
            return made

        self._show_safely(CARD, screen)

    def show_sources(self, back: ScreenId = HOME) -> None:
        self.again = partial(self.show_sources, back)
        self._show_article(SOURCES, back, lambda s: s.pages.sources(s.visit.language, s.visit.calm))

    @staticmethod
    def made_for(scene: Scene) -> Hashable:
        """What the kept screens depend on: the content and the patient's choices."""
        return (scene.book, scene.visit)

    def region_screen(self, region_id: str) -> RegionScreen:
        from kiosk.ui.screens.region import RegionScreen

        scene = self._scene()

        def build() -> RegionScreen:
            lang, calm = scene.visit.language, scene.visit.calm
            titles = scene.pages.region_page_titles(lang, region_id)  # the page's language
            pages = [scene.pages.region(lang, calm, region_id, n) for n in range(len(titles))]
            screen = RegionScreen(scene.region_names()[region_id], pages, titles, scene.language.ui, calm=calm,
                                  text_scale=scene.visit.text_scale)
            screen.backRequested.connect(self.homeWanted)
            screen.walkthroughRequested.connect(lambda: self._walkthrough_from(region_id, screen.index))
            screen.precautionsRequested.connect(lambda: self.show_precautions(ScreenId.for_region(region_id)))
            screen.questions_button.setVisible(scene.language.questions is not None)  # issue #17
            screen.questionsRequested.connect(lambda: self.show_questions(partial(self.show_region, region_id)))
            screen.textSizeRequested.connect(self.textSizeRequested)
            screen.calmToggled.connect(self.calmToggled)
            screen.pageChanged.connect(lambda n: self.navigator.rename(ScreenId.for_region(region_id, n)))
            return screen

        region = self.navigator.kept(ScreenId.for_region(region_id), self.made_for(scene), build)
        assert isinstance(region, RegionScreen)
        return region

    def _walkthrough_from(self, region_id: str, page: int) -> None:
        self._walkthrough_from_page[region_id] = page
        self.show_walkthrough(region_id)

    def regions_to_make_ahead(self) -> list[tuple[Hashable, Build]]:
        scene = self._scene()
        return [(ScreenId.for_region(rid), partial(self.region_screen, rid))
                for rid in scene.book.content.region_ids
                if not self.navigator.is_kept(ScreenId.for_region(rid), self.made_for(scene))]

    def _show_article(self, screen_id: ScreenId, back: ScreenId, page: Callable[[Scene], Page]) -> None:
        def screen() -> Screen:
            scene = self._scene()
            article = self.navigator.kept((screen_id, back), self.made_for(scene),
                                          lambda: self._article(scene, page(scene), back))
            article.start_over()
            return article

        self._show_safely(screen_id, screen)

    def _article(self, scene: Scene, page: Page, back: ScreenId) -> ArticleScreen:
        from kiosk.ui.screens.article import ArticleScreen

        ui = scene.language.ui
        to_region = back.region if back.kind is ScreenKind.REGION else None
        screen = ArticleScreen(page, ui, scene.region_names()[to_region] if to_region else ui.home_button,
                               text_scale=scene.visit.text_scale)
        if page.html is not None:
            screen.setAccessibleName(screen.text().split("\n", 1)[0])  # the page's own heading
        screen.textSizeRequested.connect(self.textSizeRequested)
        if to_region:
            screen.backRequested.connect(lambda: self.show_region(to_region))
        else:
            screen.backRequested.connect(self.homeWanted)
        return screen

    def _show_safely(self, screen_id: ScreenId, build: Callable[[], Screen]) -> None:
        """A screen that fails to build shows the calm 'being updated' page, never an error."""
        try:
            screen = build()
        except Exception:  # a broken page must not break the kiosk
            log.exception("screen %s could not be shown", screen_id.name)
            from kiosk.ui.screens.article import ArticleScreen

            ui = self._scene().language.ui
            screen = ArticleScreen(Page(None), ui, ui.home_button)
            screen.backRequested.connect(self.homeWanted)
        self.navigator.show(screen_id, screen)
