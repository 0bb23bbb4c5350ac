"""Words that signal a stance or an interaction, mapped to the ontology's predicates.

General English vocabulary of news reporting, not phrases of particular articles. The
stance verbs and nouns live in data/cues.json, each with an example sentence the reading
rules read and its origin; the smaller word classes below are the rules' own grammar.
"""

import json
from importlib import resources

from loaders.ontology import Predicate

SUP, OPP, DEM, PRO = Predicate.SUPPORTS, Predicate.OPPOSES, Predicate.DEMANDS, Predicate.PROPOSES
CRI, ACC, MEE = Predicate.CRITICIZES, Predicate.ACCUSES, Predicate.MEETS

_CUES = json.loads(resources.files("loaders").joinpath("data/cues.json").read_text("utf-8"))

# Verbs and nouns that signal a predicate, with an example and an origin each (data/cues.json).
VERBS: dict[str, Predicate] = {w: Predicate(e["predicate"]) for w, e in _CUES["verbs"].items()}
NOUNS: dict[str, Predicate] = {w: Predicate(e["predicate"]) for w, e in _CUES["nouns"].items()}
# Nouns for the one holding a stance: "a supporter of X", "X, a critic of Y".
AGENTS: dict[str, Predicate] = {w: Predicate(e["predicate"]) for w, e in _CUES["agents"].items()}

# Verbs whose subject receives a stance a noun names, held by whoever "from" or "of" names:
# "the plan drew criticism from Spain", "the proposal won the backing of Italy".
RECEIVING = {"draw", "win", "receive", "attract", "face", "earn", "gain", "meet", "get",
             "spark", "prompt", "trigger", "provoke", "enjoy", "secure", "garner", "muster",
             "command"}  # fmt: skip

# Verbs whose particle makes the cue (None: the particle undoes the verb's own cue).
PHRASAL_VERBS: dict[tuple[str, str], Predicate | None] = {
    ("rule", "out"): OPP, ("turn", "down"): OPP, ("throw", "out"): OPP,
    ("back", "down"): None, ("back", "off"): None, ("back", "away"): None,
    ("put", "off"): None, ("stop", "by"): None,
    ("strike", "down"): OPP, ("vote", "down"): OPP, ("shoot", "down"): OPP,
    ("lash", "out"): CRI, ("hit", "out"): CRI, ("fire", "back"): CRI, ("push", "back"): OPP,
    ("speak", "out"): OPP, ("rein", "in"): OPP, ("crack", "down"): OPP,
    ("keep", "out"): OPP, ("hold", "up"): OPP, ("sit", "down"): MEE, ("fight", "off"): OPP,
    ("draw", "up"): PRO, ("put", "forward"): PRO,
    ("walk", "away"): OPP, ("tear", "up"): OPP, ("hit", "back"): CRI, ("sign", "off"): SUP,
}  # fmt: skip

# Particle verbs that take their target after a preposition: "lashed out at X".
PHRASAL_PREPOSITIONS: dict[tuple[str, str], tuple[str, ...]] = {
    ("lash", "out"): ("at", "against"), ("hit", "out"): ("at", "against"),
    ("push", "back"): ("against", "on"), ("fire", "back"): ("at",),
    ("speak", "out"): ("against",), ("sit", "down"): ("with",),
    ("walk", "away"): ("from",), ("hit", "back"): ("at", "against"), ("sign", "off"): ("on",),
}  # fmt: skip

# Verbs that take their target after a preposition: "call for X", "insist on X".
VERB_PREPOSITIONS: dict[str, tuple[Predicate, tuple[str, ...]]] = {
    "call": (DEM, ("for",)),
    "insist": (DEM, ("on", "upon")),
    "press": (DEM, ("for",)),
    "ask": (DEM, ("for",)),
    "push": (DEM, ("for",)),
    "argue": (SUP, ("for",)),
    "refer": (SUP, ("to",)),
    "talk": (MEE, ("with", "to")),
    "speak": (MEE, ("with",)),
    "discuss": (MEE, ("with",)),
    "confer": (MEE, ("with",)),
    "meet": (MEE, ("with",)),
    "stand": (SUP, ("by", "with", "behind")),
    "side": (SUP, ("with",)),
    "appeal": (DEM, ("for",)),
    "rail": (CRI, ("against",)),
    "vote": (SUP, ("for",)),
    "lobby": (SUP, ("for",)),
    "campaign": (SUP, ("for",)),
    "agree": (SUP, ("to", "on")),
    "adhere": (SUP, ("to",)),
    "comply": (SUP, ("with",)),
    "abide": (SUP, ("by",)),
    "object": (OPP, ("to",)),
    "balk": (OPP, ("at",)),
    "distance": (OPP, ("from",)),
    "disagree": (OPP, ("with",)),
}

# Verbs whose direct object is contested, whatever their prepositions say: "will appeal
# the ruling" opposes it ("appealed for calm" asks for calm).
CONTESTING = {"appeal"}

# Verbs whose object after "against" is opposed: "warned against a trade war", "is
# against any intervention".
AGAINST_VERBS = {
    "be", "warn", "vote", "lobby", "campaign", "protest", "speak", "argue", "caution", "rally",
    "fight", "turn", "side", "testify", "petition", "mobilise", "mobilize", "agitate", "come",
    "appeal", "stand",
}  # fmt: skip


# Nouns a verb of taking aims with at a target it criticises: "took a swipe at X".
AIMING = {"swipe", "aim", "potshot", "dig", "jab"}

# A verb and its object noun that together take a stance on what a preposition names:
# "took issue with X", "put an end to X", "gave the green light to X".
VERB_NOUN_IDIOMS: dict[tuple[str, str], tuple[Predicate, tuple[str, ...]]] = {
    ("take", "issue"): (CRI, ("with",)), ("take", "exception"): (CRI, ("to",)),
    ("put", "end"): (OPP, ("to",)), ("bring", "end"): (OPP, ("to",)),
    ("give", "light"): (SUP, ("to", "for")), ("turn", "back"): (OPP, ("on",)),
    ("pour", "water"): (CRI, ("on",)), ("lodge", "protest"): (CRI, ("with",)),
    ("lodge", "representation"): (CRI, ("with",)),
    ("put", "blame"): (ACC, ("on", "upon")), ("lay", "blame"): (ACC, ("on", "upon")),
    ("place", "blame"): (ACC, ("on", "upon")), ("pin", "blame"): (ACC, ("on", "upon")),
}  # fmt: skip

# Verbs that keep their object "in place": "would keep the ban in place" supports it.
KEEPING = {"keep", "leave", "maintain", "hold"}

# Verbs whose object after "behind" is supported: "threw its weight behind the plan".
BEHIND_VERBS = {"throw", "put", "rally", "line", "stand", "unite", "get", "fall", "close", "swing"}

# Nouns of a stance said with "in": "voted in favour of X", "in opposition to X"; the
# preposition that takes the target.
STANCE_PHRASES: dict[str, tuple[Predicate, tuple[str, ...]]] = {
    "favour": (SUP, ("of",)), "favor": (SUP, ("of",)), "support": (SUP, ("of",)),
    "solidarity": (SUP, ("with",)), "opposition": (OPP, ("to",)),
    "defence": (SUP, ("of",)), "defense": (SUP, ("of",)),
    "protest": (OPP, ("against", "at", "over")),
}  # fmt: skip

# Nouns naming a meeting between the parties they take with "with" or "between".
MEETING_NOUNS = {
    "talks", "talk", "meeting", "meetings", "negotiations", "negotiation", "consultations",
    "conference", "summit", "call", "engagements", "dialogue", "discussions", "visit",
    "conversation", "conversations", "videoconference", "calls",
}  # fmt: skip

# Verbs whose coordinated subjects meet: "Ruto and Hassan discussed the border dispute".
# Verbs whose object is a gathering its coordinated subjects hold: "X and Y held talks".
HOLDING = {"hold", "have", "conduct"}

JOINT_VERBS = {"discuss", "meet", "negotiate", "confer", "talk"}
# Prepositions that say what a sum of money buys: "$5 billion in aid", "7 billion on arms".
SPENT_ON = {"in", "on", "for", "of"}
CURRENCIES = {"euro", "dollar", "pound", "yuan", "yen", "rupee", "franc", "rouble", "ruble",
              "peso", "real", "krona", "krone", "zloty", "forint", "lira", "riyal", "dirham",
              "shilling", "rand", "naira", "won", "hryvnia", "cent"}  # fmt: skip

# Holding someone responsible: "will bear responsibility for X", "the blame lies with X".
BEARING = {"bear", "carry", "shoulder"}
BLAME_NOUNS = {"responsibility", "blame"}
# Nouns for a state's government, which its owner names ("Kenya's government", "the
# Government of Kenya", "Aliyev's office": the state he serves).
GOVERNING_NOUNS = {"country", "government", "nation", "state", "office", "administration",
                   "presidency", "cabinet", "kingdom"}  # fmt: skip
# Nouns for a state in talks, named by its adjective ("the Chinese side", in translated
# state media): never a state by themselves ("the other side").
SIDES = {"side"}
# What one is held to be: "held X responsible", "must be held accountable".
RESPONSIBLE = {"responsible", "accountable", "liable", "culpable"}

# Verbs by which a body lists its members: "the CSTO unites six states: A, B, ...",
# "whose members include A and B"; and those that do so with "together" ("brings together").
ROSTER_VERBS = {"include", "comprise", "unite", "encompass"}
# Verbs of what a body is made of, with "of": "the Quad, made up of A, B and C".
ROSTER_OF_VERBS = {"consist", "compose", "make"}
# Nouns of a body of members: "the Caucus, a grouping that includes A and B", "AUKUS is a
# partnership of A, B and C".
GROUPINGS = {"grouping", "group", "alliance", "coalition", "bloc", "partnership", "union",
             "club", "forum", "caucus", "consortium", "federation", "league"}  # fmt: skip
GATHERING_VERBS = {"bring", "group", "gather"}
# Verbs of approval that, said of a person, greet a guest: "welcomed Museveni to Nairobi".
GREETING = {"welcome", "greet"}
# Verbs of speaking that make a call when said with its line: "X and Y spoke by phone".
SPEAKING_TOGETHER = {"speak", "talk", "chat"}
CALL_LINES = {"phone", "telephone", "videoconference", "video", "videolink", "hotline"}

# Verbs of taking part in a gathering: who attends the same talks meets the others there.
ATTENDING = {"attend", "join", "participate"}

# Content that, when demanded or proposed, is opposition to its object: "demand to veto X".
NEGATIVE_CONTENT = {
    "exclude", "prevent", "stop", "veto", "ban", "halt", "end", "abandon", "cease", "block",
    "preventing", "cessation", "non", "renounce", "reverse", "limit", "lift", "scrap",
    "sacrifice", "weaken", "undermine", "dismantle", "removal", "remove", "lifting", "repeal",
    "abolition", "abolish", "scrapping", "reversal", "cancellation", "cancel", "suspension",
    "suspend", "drop", "ditch", "shelve", "rescind", "revoke", "revocation", "annul",
    "annulment",
}  # fmt: skip

# Particle verbs whose content is ending something: "give up its bid", "call off the strike".
NEGATIVE_PHRASAL = {("give", "up"), ("call", "off"), ("wind", "down")}

# What is lifted by being ended: "lift the sanctions" undoes them, "lift wages" raises them.
RESTRICTIONS = {"sanction", "ban", "restriction", "embargo", "blockade", "siege", "curfew",
                "tariff", "duty", "cap", "freeze", "moratorium", "suspension", "veto", "block",
                "lockdown", "measure", "limit", "control", "quota", "boycott", "closure",
                "order", "emergency", "immunity", "injunction", "barrier", "hold", "state",
                "martial", "law", "levy", "tax", "requirement", "rule", "exemption"}  # fmt: skip

# What one fights without opposing it: "fought two wars", "fought the election".
FOUGHT = {"war", "battle", "election", "campaign", "duel", "conflict", "fight", "contest"}

# Verbs of acting against what they take, content against it as verbs only (their nouns,
# "curbs on chip exports", name issues of their own): "vowed to curb X" opposes X.
NEGATIVE_ACTIONS = {
    "curb", "restrict", "prohibit", "outlaw", "overturn", "impeach", "oust", "retaliate",
    "avoid", "reconsider", "rethink",
}  # fmt: skip

# Verbs that report speech: their subject is the speaker of the clause they govern.
SAYING = {
    "say", "tell", "state", "add", "assert", "emphasize", "emphasise", "stress", "note",
    "claim", "explain", "reiterate", "argue", "assure", "declare", "announce", "warn",
    "insist", "highlight", "believe", "think", "hope", "confirm", "reply", "write",
    "acknowledge", "admit", "concede", "contend", "remark", "observe", "point", "underline",
    "underscore", "predict", "suggest",
}  # fmt: skip

# Words that, said of a topic, take a stance on it: "X is unacceptable" (data/cues.json).
JUDGEMENTS: dict[str, Predicate] = {
    w: Predicate(e["predicate"]) for w, e in _CUES["judgements"].items()
}
# Adjectives that judge what they are said of, from a sentiment lexicon (data/
# evaluations.json, tools/evaluations.py): "a reckless step" criticises it, "an excellent
# deal" supports it. The hand-kept JUDGEMENTS come first.
_EVALUATIONS = json.loads(
    resources.files("loaders").joinpath("data/evaluations.json").read_text("utf-8")
)
EVALUATIONS: dict[str, Predicate] = {
    **dict.fromkeys(_EVALUATIONS["negative"], CRI),
    **dict.fromkeys(_EVALUATIONS["positive"], SUP),
}
# Nouns that judge what is called one: "called the arrest a violation", "a triumph".
EVALUATION_NOUNS: dict[str, Predicate] = {
    **dict.fromkeys(_EVALUATIONS["negative_nouns"], CRI),
    **dict.fromkeys(_EVALUATIONS["positive_nouns"], SUP),
}
# Verbs that judge their object: "called the plan dangerous", "described it as a mistake".
JUDGING = {"call", "describe", "deem", "consider", "term", "label", "brand", "find", "regard",
           "see", "view", "judge"}  # fmt: skip
# Verbs that take a small clause, an object and what it is or does: "let the matter rest",
# "made the treaty inclusive"; with JUDGING, a noun after them may be that second part.
SMALL_CLAUSE = {"make", "let", "have", "keep", "leave", "get", "see", "hear", "watch", "help",
                "render", "want", "need"}  # fmt: skip
OPPOSING_PREDICATES = {w for w, p in JUDGEMENTS.items() if p is OPP}
SUPPORTING_PREDICATES = {w for w, p in JUDGEMENTS.items() if p is SUP}
CRITICISING_PREDICATES = {w for w, p in JUDGEMENTS.items() if p is CRI}

# Plural nouns that, with "two" or "both", stand for a pair who met: "the two leaders".
PAIR_NOUNS = {"leaders", "presidents", "ministers", "premiers", "heads", "sides", "men",
              "women", "officials", "diplomats", "chancellors", "countries", "governments",
              "nations", "states", "parties", "allies", "neighbours", "neighbors",
              "delegations", "partners", "capitals"}  # fmt: skip
# Those of them that name people: "the ministers" is never a set of states.
PEOPLE_PAIR_NOUNS = {"leaders", "presidents", "ministers", "premiers", "heads", "men", "women",
                     "officials", "diplomats", "chancellors"}  # fmt: skip

# Nouns of taking part: what an effort lacks "without the involvement of X" is X's
# involvement in that effort.
TAKING_PART = {"involvement", "participation", "role", "presence", "inclusion",
               "engagement", "consent", "approval", "input", "say"}  # fmt: skip

# Participles that name what a criticism is aimed at: "..., targeting statements by X".
TARGETING = {"target", "single", "take"}

# Determiners that point back to something named before: "the tariffs", "these talks".
DEFINITE = {"the", "this", "these", "that", "those"}

# Words that point back to what was named: "such a move", "the said resolution".
BACK = {"such", "said", "aforementioned", "aforesaid", "above-mentioned"}

# Verbs of enacting what others proposed: "has not ratified X" says the act is not done
# yet, no stance on X.
ENACTING = {"ratify", "approve", "sign", "adopt", "agree", "endorse"}

# Words that single one out of a group: "the only member of the bloc that ...".
SINGLING_OUT = {"only", "sole", "last", "first"}

PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
FIRST_PERSON = {"we", "i", "us", "our", "my", "me", "ours"}

# Adjectives that take a stance on what follows their preposition or their infinitive:
# "interested in Y", "ready to provide Y" (data/cues.json).
ADJECTIVES: dict[str, tuple[Predicate, tuple[str, ...]]] = {
    w: (Predicate(e["predicate"]), tuple(e["prepositions"])) for w, e in _CUES["adjectives"].items()
}

# Modal verbs that make a reported statement a demand: "Y must be given".
DEONTIC = {"must", "should", "need", "ought"}

# Words that place a thing in a series ("the final offer"): one of several, not the issue.
SEQUENCE = {"first", "second", "third", "final", "last", "latest", "previous", "earlier", "next"}

# Verbs that take up someone else's stance: "addressing concerns about X", "heeded calls
# for Y" (the concerns and calls are not the subject's).
ANSWERING = {"address", "allay", "ease", "assuage", "answer", "heed", "hear", "listen",
             "respond", "acknowledge"}  # fmt: skip

# Words of a state's executive offices and forces, whose statements are their state's
# ("China's Commerce Ministry", "the Philippine Coast Guard"); a body merely named after
# its country ("China Chamber of Commerce") speaks for itself.
STATE_OFFICES = {"ministry", "government", "presidency", "embassy", "cabinet", "office",
                 "department", "secretariat", "chancellery", "palace", "kremlin", "army",
                 "navy", "military", "forces", "force", "guard", "police"}  # fmt: skip

# A state's courts and legislatures: what they decide is theirs, not their state's (its
# offices speak for it: "China's Commerce Ministry condemned X" is China's stance too).
INDEPENDENT_BODIES = {"court", "tribunal", "parliament", "assembly", "senate"}

# Verbs of reacting to something: what one vows to respond to is not what one backs.
REACTING = {"respond", "react", "reply", "retaliate", "answer"}
# Verbs of getting in touch: whom one plans to contact or inform is not backed by it.
CONTACTING = {"contact", "inform", "notify", "brief", "tell", "phone", "telephone", "email",
              "consult", "update", "alert", "remind"}  # fmt: skip

# Nouns for a business that stand for the one named last ("the company said").
FIRMS = {"company", "firm", "carmaker", "automaker", "airline", "manufacturer", "planemaker",
         "lender", "retailer", "insurer", "conglomerate", "employer"}  # fmt: skip

# Words naming a body that is no business: "the company" never stands for a union, a party
# or a public body named before it ("IG Metall union", "the Foreign Ministry").
PUBLIC_BODIES = {"union", "party", "ministry", "commission", "council", "parliament", "court",
                 "agency", "authority", "government", "organisation", "organization",
                 "association", "federation", "confederation", "league", "alliance",
                 "coalition", "movement", "front", "committee", "assembly", "senate",
                 "congress", "office", "department", "institute", "fund", "tribunal",
                 "regulator", "watchdog", "bureau", "secretariat", "nations"}  # fmt: skip

# Nouns of a text issued in someone's name: "G7 Leaders' statement", "Remarks by X".
STATEMENTS = {"statement", "remarks", "declaration", "communique", "communiqué", "release"}
# Texts whose words their authors hold: "published a statement calling for X", "adopted a
# resolution urging X", "in a letter demanding X"; and the verbs by which they issue them.
DOCUMENTS = STATEMENTS | {"letter", "resolution", "motion", "petition", "post", "appeal",
                          "report", "note", "message", "bill"}  # fmt: skip
ISSUING = {"publish", "issue", "release", "sign", "adopt", "pass", "send", "table", "draft",
           "post", "write", "deliver", "unveil", "present", "submit", "approve", "circulate",
           "put", "file", "introduce", "make"}  # fmt: skip

# Nouns of a phase of what they name: "the opening of talks" is about the talks.
PHASES = {"opening", "start", "launch", "beginning", "resumption", "continuation", "holding"}

# Head words of named documents that stand for one another ("the law" after "the Online
# Safety Act"), by kind (data/document_kinds.json).
_KINDS = json.loads(
    resources.files("loaders").joinpath("data/document_kinds.json").read_text("utf-8")
)
DOCUMENT_KINDS = {w: kind for kind, words in _KINDS.items() if kind != "_about" for w in words}
LEGISLATION = frozenset(_KINDS["legislation"])


def same_kind(noun: str, head: str) -> bool:
    """Whether a bare noun can stand for a document named with this head word."""
    kind = DOCUMENT_KINDS.get(noun)
    return kind is not None and DOCUMENT_KINDS.get(head) == kind


# Nouns that, definite and bare, refer back to the issue just named: "the measure".
REFERRING = {"measure", "measures", "move", "step", "decision", "action", "policy", "initiative",
             "outcome", "result", "vote", "approval", "idea", "possibility",
             "option", "prospect", "process", "arrangement", "compromise", "breakthrough",
             "text"}  # fmt: skip

# Nouns of how someone acts: "deplored the conduct of X" criticises X.
CONDUCT = {"conduct", "behaviour", "behavior", "actions", "activities", "practices"}

# Nouns of what someone holds or says: "praised Orban's stance" is praise of Orban.
OWNED_STANCES = {"stance", "position", "approach", "attitude", "remarks", "comments",
                 "statement", "statements", "words", "leadership", "efforts", "role",
                 "resistance", "defiance", "firmness", "resolve", "claim", "claims",
                 "account", "assertion", "assertions", "allegation", "allegations",
                 "accusation", "accusations", "remark", "comment", "version", "view",
                 "views", "argument", "arguments"}  # fmt: skip

# Nouns that only hold other nouns: "a list of demands", "a set of proposals".
CONTAINERS = {"list", "set", "series", "number", "package", "range", "raft", "batch"}

# Verbs that express what their object noun says: "has not expressed its support".
EXPRESSING = {"express", "voice", "show", "give", "lend", "offer", "declare", "announce",
              "state", "signal", "reiterate", "confirm", "make"}  # fmt: skip

# Marks of a condition ("if Finland joined NATO"), and verbs of warning or threat whose
# condition they oppose ("warned of war if Ukraine joins NATO").
CONDITIONS = {"if", "unless", "should"}
THREATENING = {"warn", "threaten", "caution"}  # not "vowed to ban X if it won": a program

# Nouns for a place, whose "of" names it: "the island of Zanzibar", "the city of Kherson".
PLACE_NOUNS = {"island", "city", "town", "village", "region", "province", "district", "port",
               "county", "municipality", "enclave", "exclave", "peninsula", "archipelago",
               "oblast", "governorate", "islands", "atoll", "valley", "suburb"}  # fmt: skip

# Events held somewhere: the place named before them is where, not who did them ("decried
# the Zimbabwe election" criticises no state).
HELD = {"election", "vote", "poll", "ballot", "referendum", "summit", "census", "conference",
        "talks", "games", "olympics", "tournament", "festival"}  # fmt: skip

# Words that say a title's holder is in office now, naming no other post ("the new prime
# minister" is the prime minister; "the former prime minister" is someone else).
IN_OFFICE = {"new", "current", "incoming", "sitting", "serving", "incumbent", "newly",
             "elected", "present"}  # fmt: skip

# Nouns of a feeling that take what it is about after "with": "dissatisfaction with X".
FELT_WITH = {"dissatisfaction", "disappointment", "frustration", "satisfaction", "unhappiness"}

# Verbs of stressing, and the nouns of weight they stress, with the stance on what those
# nouns wrap: "underscored the importance of X" supports X, "stressed the need for X"
# demands it.
STRESSING = {"stress", "underscore", "underline", "emphasise", "emphasize", "highlight",
             "reiterate", "reaffirm"}  # fmt: skip
WEIGHT_NOUNS: dict[str, Predicate] = {"importance": SUP, "significance": SUP, "need": DEM,
                                      "necessity": DEM, "urgency": DEM}  # fmt: skip

# Modal auxiliaries: what will, would or must be ("there will be no troops").
MODALS = {"will", "would", "must", "should", "could", "can", "may", "might", "shall", "'ll"}

# What "there is no ..." says without ruling out an issue: "no doubt", "no sign of X",
# "no alternative to X" (which supports X).
NOT_RULED_OUT = {"doubt", "sign", "evidence", "indication", "alternative", "reason", "time",
                 "word", "comment", "change", "progress", "agreement", "deal", "decision",
                 "information", "report", "plan", "way"}  # fmt: skip

# Verbs by which one restates a stance owned by another: "renewed Kyiv's request for X".
RESTATING = {"renew", "repeat", "restate", "reiterate", "echo", "reaffirm", "share", "endorse"}

# In reported speech, "X ignored our demands" is the speaker accusing X.
ACCUSING_VERBS = {"ignore", "violate", "undermine", "betray", "breach", "disregard", "provoke",
                  "threaten", "sabotage", "obstruct", "discriminate", "abuse", "flout",
                  "mislead", "deceive", "manipulate", "interfere", "meddle", "cheat",
                  "orchestrate", "weaponise", "weaponize", "exploit", "harass", "intimidate",
                  "persecute", "invade"}  # fmt: skip

# Verbs whose content clause says what harm its subject will do: "warned that the tariffs
# would hurt carmakers" criticises the tariffs.
WARNING = {"warn", "caution"}
FORETELLING = {"would", "could", "might", "may", "will", "'ll", "can"}

# Verbs that take back a stance besides those of negative content: "withdrew its support".
RETRACTING = {"withdraw", "retract", "rescind"}

# Auxiliaries of will, whose negation is a refusal: "will not send", "won't send" (spaCy
# splits "won't" into "wo" and "n't"); not of ability: "Japan cannot justify X" is a
# judgement by someone else.
WILLING_AUX = {"will", "would", "wo", "'ll", "shall"}

# Verbs whose refusal says nothing of a stance: "would not comment", "will not say".
LIGHT_VERBS = {
    "be",
    "have",
    "do",
    "get",
    "say",
    "tell",
    "know",
    "comment",
    "answer",
    "disclose",
    "reveal",
    "confirm",
    "specify",
    "name",
    "elaborate",
    "speculate",
    "allow",
    "let",
    "fail",
    "take",
    "use",
}

# Verbs whose content clause the subject wants to happen: "hopes that the dialogue continues".
HOPING = {"hope", "expect", "wish", "want", "trust"}

# Nouns of verbs, for "Y must be reduced" -> "reduction of Y" (data/nominalisations.json:
# news usage by hand, then WordNet's derivations).
_NOUNS_OF = json.loads(
    resources.files("loaders").joinpath("data/nominalisations.json").read_text("utf-8")
)
NOMINALISATIONS: dict[str, str] = {**_NOUNS_OF["derived"], **_NOUNS_OF["preferred"]}

# Nouns of the states a country may be asked to keep: "stay neutral" -> "neutrality of X".
STATE_NOUNS_OF: dict[str, str] = {
    k: v for k, v in _NOUNS_OF["states"].items() if not k.startswith("_")
}

# Verbs that link a subject to what is said of it: "the deal is unfair", "seems unfair",
# "remains unacceptable", "sounds absurd", "proved costly".
LINKING = {"be", "seem", "appear", "sound", "look", "remain", "prove"}

# Verbs that say what state their subject is in: "stay neutral", "remain independent".
COPULAR = {"be", "stay", "remain", "become", "keep"}

# Verbs of causing someone to act: "the strikes prompted the railway to demand X" (the
# railway demands X).
CAUSING = {"prompt", "lead", "force", "compel", "drive", "spur", "oblige"}

# Verbs of commitment whose to-infinitive is the stance ("vowed to close the border"):
# they take no stance on a direct object of their own (data/cues.json, "intentions").
INTENTIONS: dict[str, Predicate] = {
    w: Predicate(e["predicate"]) for w, e in _CUES["intentions"].items()
}

# Nouns of an intention ("has no intention of signing X", "signalled its readiness to
# join X"), a stance on the action they intend when the verbs here state them.
INTENTION_NOUNS: dict[str, Predicate] = {
    w: Predicate(e["predicate"])
    for w, e in _CUES["intention_nouns"].items()
    if not w.startswith("_")
}
STATING_INTENTION = set(_CUES["intention_nouns"]["_holding_verbs"])

# Nouns of a state's striving to join, said alone ("Sweden's bid"): its membership.
CANDIDACIES = {"bid", "candidacy", "application"}

# Verbs of joining an organization: "Ukraine joins NATO" -> "NATO membership for Ukraine".
JOINING = {"join", "enter", "accede"}
JOINING_NOUNS = {"accession", "membership", "entry", "admission"}

# Meeting nouns that name one gathering (an Event), unlike "negotiations" or "dialogue",
# which name a process that actors take stances on (a Topic).
GATHERINGS = {"talks", "meeting", "consultations", "conference", "summit", "visit",
              "discussion", "discussions", "session", "call"}  # fmt: skip
# Verbs of leaving, with what introduces what is left ("" for a direct object; "out" for
# a verb that leaves with "out": "pulled out of the accord").
LEAVING = {
    "leave": {""}, "quit": {""}, "exit": {"", "from"}, "withdraw": {"from"},
    "pull": {"out", "of", "from"},
}  # fmt: skip

# Nouns of "voted in favour": a vote for.
FAVOUR = {"favour", "favor"}

# Gatherings that are events of their own, which news names and looks back on; other
# gatherings are the meeting of their participants (MEETS) once they have met.
EVENTFUL_GATHERINGS = {"summit"}

# Verbs of giving: their beneficiary belongs to the topic given ("give security
# guarantees to Russia" -> "security guarantees for Russia").
# Verbs of sending, whose "to" phrase names where the thing sent goes ("send troops to
# Ukraine": the issue is troops to Ukraine).
TRANSFERRING = {
    "send",
    "supply",
    "deliver",
    "provide",
    "give",
    "grant",
    "transfer",
    "ship",
    "export",
    "sell",
    "deploy",
    "dispatch",
    "lend",
    "donate",
}

GIVING = {"give", "provide", "offer", "grant", "extend", "deliver", "ensure"}

# Nouns that take an infinitive ("the right to choose", "a bid to join").
INFINITIVE_NOUNS = {
    "right", "ability", "decision", "plan", "attempt", "effort", "bid", "push", "freedom",
    "intention", "readiness", "willingness", "obligation", "commitment", "chance",
    "opportunity", "proposal", "demand", "call", "refusal", "promise", "pledge",
}  # fmt: skip

# Verbs of criticism that also name an armed attack: "attacked the plan", "attacked the
# city"; read as criticism only where what is attacked can be attacked in words.
ASSAULTING = {"attack", "assail"}

# What is put to a party to take or leave: accepting one backs it ("accepted the ceasefire
# plan"), where accepting a resignation, an invitation or a loss takes no stance.
OFFERS = {"plan", "proposal", "offer", "deal", "agreement", "accord", "pact", "treaty",
          "ceasefire", "truce", "terms", "compromise", "conditions", "condition", "demand",
          "request", "framework", "package", "roadmap", "settlement", "initiative"}  # fmt: skip

# Nouns of striving whose infinitive is what is striven for: backing "Kyiv's bid to join
# NATO" is backing its membership.
AIMS = {"bid", "push", "effort", "attempt", "drive", "quest", "plan", "decision", "intention",
        "proposal", "promise", "pledge", "commitment", "move", "campaign", "readiness",
        "willingness", "ambition", "aspiration", "request", "offer"}  # fmt: skip
# Of those, the ones whose "for" names their aim ("the EU push for duties": the duties);
# a proposal or plan for something is a text of its own that stances are taken on.
STRIVING_FOR = {"bid", "push", "effort", "drive", "quest", "campaign", "ambition",
                "aspiration"}  # fmt: skip

# What is asked for on someone's behalf: with no beneficiary named, the asker's own.
BENEFICIARY_NOUNS = {"guarantee", "assurance", "compensation", "reparation"}

# "the EU nation", "a NATO member state": one member of the organization named before.
STATE_NOUNS = {"nation", "country", "state", "member"}

# Verbs of a clause that lists what a demand or proposal holds.
INCLUDING = {"include", "contain", "comprise", "involve", "envisage", "stipulate"}

# Verbs of reaching an end: "peace can be maintained through X" proposes X as the means.
ACHIEVING = {"achieve", "maintain", "ensure", "secure", "reach", "restore", "preserve", "keep",
             "guarantee", "attain", "establish"}  # fmt: skip

# Nouns that wrap what they are about: "the notion of X", "decades of X" are about X.
WRAPPERS = {"notion", "idea", "prospect", "possibility", "concept", "thought",
            "decade", "year", "month", "week", "century", "form", "kind", "type", "sort",
            "degree"}  # fmt: skip

# Nouns that wrap what a stance is about behind another preposition: "stressed the
# importance of X", "the need for X", "reaffirmed its commitment to X", "rejected calls
# for X" are about X.
WRAPPING_PREPOSITIONS = {"importance": ("of",), "significance": ("of",), "need": ("for",),
                         "necessity": ("of", "for"), "commitment": ("to",), "call": ("for",),
                         "demand": ("for",), "appeal": ("for",), "plea": ("for",)}  # fmt: skip

# The subject of a relative clause stands for the noun the clause is about.
RELATIVE_PRONOUNS = {"who", "which", "that"}

# What has not happened: "a potential meeting", "talks ... are impossible".
HYPOTHETICAL = {"potential", "possible", "hypothetical", "prospective", "impossible",
                "unlikely", "proposed", "planned", "future", "upcoming", "scheduled"}  # fmt: skip

# Verbs of a date set for what is yet to happen: "talks scheduled for Friday".
SCHEDULED = {"plan", "schedule", "expect", "slate", "due"}

# Verbs that call a meeting off or put it off: "cancelled the talks with X".
CALLING_OFF = {"cancel", "postpone", "delay", "suspend", "scrap", "refuse", "reject", "avoid"}

# Auxiliaries of what may, must or will happen, not what did: "talks should begin".
MODAL_AUXILIARIES = {"will", "would", "should", "could", "may", "might", "shall", "must", "can"}

# Verbs whose clause is a fact denied, not a stance: "denied sending drones to X".
DENYING = {"deny", "disagree"}
# Verbs that refute what a noun's clause says: "dismissed reports that X planned Y".
REFUTING = {"deny", "dismiss", "refute", "rebut", "reject"}

# Words of intent: "ready to hold talks with X" is no meeting yet.
INTENDING = {"ready", "willing", "prepared", "plan", "propose", "offer", "want", "seek",
             "hope", "expect", "intend", "invite", "open", "call", "urge", "demand", "push",
             "press", "recommend", "suggest", "advise", "support", "back", "favour", "favor",
             "advocate", "encourage"}  # fmt: skip
