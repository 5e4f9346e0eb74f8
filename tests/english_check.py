"""Which texts on an admin screen are still English: every visible text (text nodes, button
and link names) is compared with the English catalogues of the admin (Wagtail's apps,
wagtail-localize, Django's auth/forms): a text equal to an English message, that the
language's catalogue does not keep as it is on purpose, is a leftover."""

import re
from functools import cache
from pathlib import Path

import polib
import wagtail
import wagtail_localize

PROJECT_DIR = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")

# Visible text of the page: text nodes of rendered elements, and the names buttons carry.
VISIBLE_TEXTS_JS = """() => {
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const element = node.parentElement;
    if (!element || element.closest("script, style, template, [hidden]")) continue;
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const text = node.textContent.replace(/\\s+/g, " ").trim();
    if (text) texts.push(text);
  }
  document.querySelectorAll("[aria-label], [title], input[placeholder]").forEach((element) => {
    for (const name of ["aria-label", "title", "placeholder"]) {
      const value = element.getAttribute(name);
      if (value && value.trim()) texts.push(value.trim());
    }
  });
  return texts;
}"""


def _catalogues(language):
    roots = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]
    for root in roots:
        yield from root.glob(f"**/locale/{language}/LC_MESSAGES/*.po")


@cache
def english_messages():
    """{normalised English message} of the admin's upstream catalogues."""
    messages = set()
    for path in _catalogues("en"):
        for entry in polib.pofile(str(path)):
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                text = " ".join(PLACEHOLDER.sub("", msgid).split()).strip(" .:…")
                if len(text) >= 3 and re.search(r"[A-Za-z]{3}", text):
                    messages.add(text.casefold())
    return frozenset(messages)


@cache
def kept_as_is(language):
    """Messages a catalogue of `language` translates by themselves (names, "OK", "Email")."""
    kept = set()
    paths = list(PROJECT_DIR.glob(f"locale/upstream/*/{language}/LC_MESSAGES/*.po"))
    for path in paths:
        for entry in polib.pofile(str(path)):
            if entry.msgstr and entry.msgstr == entry.msgid:
                kept.add(
                    " ".join(PLACEHOLDER.sub("", entry.msgid).split()).strip(" .:…").casefold()
                )
    return frozenset(kept)


def english_leftovers(texts, language):
    """The texts that are English admin messages left untranslated in `language`."""
    leftovers = set()
    english, kept = english_messages(), kept_as_is(language)
    for text in texts:
        normalised = " ".join(text.split()).strip(" .:…").casefold()
        if normalised in english and normalised not in kept:
            leftovers.add(text)
    return sorted(leftovers)


def visible_texts(page):
    return page.evaluate(VISIBLE_TEXTS_JS)
