"""Making each screen for a ScreenId from the scene: the one place that knows which pages and words
each kind of screen is made from. Each screen's own constructor takes only those and a context,
so any screen can be made alone too.

The screens are imported when first made: home is painted sooner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.model.wording import fill
from kiosk.ui.input.therapisthold import TherapistHold
from kiosk.ui.input.timers import Timers, qt_timer
from kiosk.ui.screens.context import ScreenContext, screen_context
from kiosk.ui.screens.screen import Screen
from kiosk.ui.speech.offer import SpeechOffer
from kiosk.ui.widgets.direction import layout_direction
from kiosk.visit.scene import Scene
from kiosk.visit.screens import ScreenId, ScreenKind

if TYPE_CHECKING:
    from kiosk.ui.screens.home import HomeScreen


class ScreenMaker:
    def __init__(self, speech: SpeechOffer | None = None, therapist: TherapistHold | None = None,
                 timers: Timers = qt_timer):
        self._speech = speech
        self._therapist = therapist
        self._timers = timers  # the breathing screen's pace: a fake clock's in tests

    def context(self, scene: Scene) -> ScreenContext:
        return screen_context(scene, self._speech, self._therapist)

    def make(self, screen_id: ScreenId, scene: Scene, came_from: ScreenId | None = None) -> Screen:
        """The screen ``screen_id`` names, at its first page or step (the router turns it), laid
        out the way its language reads. ``came_from``: the screen below it in the history, which a
        way back to "whatever opened it" (the questions, the card, the pause) names."""
        screen = self._make(screen_id, scene, came_from)
        screen.setLayoutDirection(layout_direction(scene.language.ui))
        return screen

    def _make(self, screen_id: ScreenId, scene: Scene, came_from: ScreenId | None = None) -> Screen:
        kind = screen_id.kind
        if kind is ScreenKind.HOME:
            return self.home(scene)
        if kind is ScreenKind.ATTRACT:
            return self._attract(scene)
        if kind is ScreenKind.REGION and screen_id.region:
            return self._region(scene, screen_id.region)
        if kind is ScreenKind.WALKTHROUGH:
            return self._walkthrough(scene, screen_id.region)
        if kind is ScreenKind.PRECAUTIONS:
            return self._precautions(scene, screen_id.region)
        if kind is ScreenKind.SOURCES:
            return self._sources(scene, screen_id.region)
        if kind is ScreenKind.QUESTIONS:
            return self._questions(scene, self._back_to_opener(scene, came_from))
        if kind is ScreenKind.CARD:
            return self._card(scene, self._back_to_opener(scene, came_from))
        if kind is ScreenKind.PAUSE:
            from kiosk.ui.screens.pause import PauseScreen

            return PauseScreen(self.context(scene))
        if kind is ScreenKind.BREATHING:
            from kiosk.ui.screens.breathing import BreathingScreen

            return BreathingScreen(self.context(scene), scene.book.content.clinic.breathing, self._timers)
        raise LookupError(f"no screen is made for {screen_id}")

    def home(self, scene: Scene) -> HomeScreen:
        """Home in the scene's language (a kept home for another language is made ahead)."""
        from kiosk.ui.screens.home import HomeScreen

        content = scene.book.content
        languages = {code: language.name for code, language in content.languages.items()}
        home = HomeScreen(self.context(scene), content.clinic.name, scene.art, scene.region_names(), languages,
                          scene.visit.language, logo=content.logo)
        home.setLayoutDirection(layout_direction(scene.language.ui))  # the map in it keeps its anatomy
        return home

    def unavailable(self, scene: Scene) -> Screen:
        """The calm notice a screen that can't be made shows instead."""
        from kiosk.ui.screens.article import UnavailableScreen

        screen = UnavailableScreen(self.context(scene))
        screen.setLayoutDirection(layout_direction(scene.language.ui))
        return screen

    def _attract(self, scene: Scene) -> Screen:
        from kiosk.ui.screens.attract import AttractScreen

        content = scene.book.content
        return AttractScreen(self.context(scene), content.clinic.name, scene.art, scene.region_names(),
                             [content.language(code).ui.tap_to_start for code in content.languages])

    def _region(self, scene: Scene, region_id: str) -> Screen:
        from kiosk.ui.screens.region import RegionScreen

        lang, calm = scene.visit.language, scene.visit.calm
        titles = scene.pages.region_page_titles(lang, region_id)  # the page's language
        pages = [scene.pages.region(lang, calm, region_id, n) for n in range(len(titles))]
        return RegionScreen(self.context(scene), scene.region_names()[region_id], pages, titles)

    def _walkthrough(self, scene: Scene, region_id: str | None) -> Screen:
        from kiosk.ui.screens.walkthrough import WalkthroughScreen

        lang, calm = scene.visit.language, scene.visit.calm
        steps = [scene.pages.step(lang, calm, region_id, i) for i in range(max(scene.pages.step_count(lang), 1))]
        # Home, Esc and Done go back to where the walkthrough began: its region, or home.
        back_label = scene.region_names()[region_id] if region_id else None
        titles = scene.pages.step_titles(lang, calm, region_id)
        others = {code: language.name for code, language in scene.book.content.languages.items() if code != lang}
        return WalkthroughScreen(self.context(scene), steps, back_label, titles=titles, languages=others,
                                 notes=scene.pages.therapist_notes(lang, region_id))

    def _precautions(self, scene: Scene, from_region: str | None) -> Screen:
        from kiosk.ui.screens.precautions import PrecautionsScreen

        # Made afresh each time (its page is rendered once and kept by the page book), so its
        # tick boxes always show the card as it is now.
        page = scene.pages.precautions(scene.visit.language, scene.visit.calm)
        language = scene.language
        note = language.ui.not_translated if "precautions" in language.untranslated else None
        return PrecautionsScreen(self.context(scene), page, language.precautions,
                                 self._back_to(scene, from_region), scene.card, note=note)

    def _sources(self, scene: Scene, from_region: str | None) -> Screen:
        from kiosk.ui.screens.article import ArticleScreen

        page = scene.pages.sources(scene.visit.language, scene.visit.calm)
        return ArticleScreen(self.context(scene), page, self._back_to(scene, from_region))

    def _questions(self, scene: Scene, back_label: str) -> Screen:
        from kiosk.ui.screens.questions import QuestionsScreen

        questions = scene.language.questions
        if questions is None:
            raise LookupError("this content has no questions.yaml")
        return QuestionsScreen(self.context(scene), questions, back_label, scene.card)

    def _card(self, scene: Scene, back_label: str) -> Screen:
        """What the patient ticked, in their language and beneath in the clinic's."""
        from kiosk.ui.screens.card import CardScreen

        clinic = scene.book.content.base
        # The line beneath is for the therapist, so its "In English:" is in the clinic's language too.
        beneath = fill(clinic.ui.card_base_language, language=clinic.name)
        return CardScreen(self.context(scene), scene.card.lines(scene.language, clinic), beneath,
                          back_label, (clinic.ui.card_safety, clinic.ui.card_questions))

    @staticmethod
    def _back_to_opener(scene: Scene, came_from: ScreenId | None) -> str:
        """The way back's words to the screen that opened this one: "Home" to the body map, the
        region's name to its region, else "Back" (a walkthrough's step, another list)."""
        ui = scene.language.ui
        if came_from is not None and came_from.kind is ScreenKind.HOME:
            return ui.home_button
        if came_from is not None and came_from.kind is ScreenKind.REGION and came_from.region:
            return scene.region_names()[came_from.region]
        return ui.go_back or ui.previous_button

    @staticmethod
    def _back_to(scene: Scene, region_id: str | None) -> str:
        """The way back's words: the region the screen was opened from, else home."""
        return scene.region_names()[region_id] if region_id else scene.language.ui.home_button
