"""Plain-language help for every order, written for students who have never played.

Each entry says what the move does, what it costs and risks, and when it can be given. The text
describes the rules in words; the numbers themselves live in the engine and appear in each
event's "why?" after the turn.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class OrderHelp:
    what: str
    costs: str
    risks: str
    when: str = "Any turn."


FAMILY_NAMES = {
    "diplomacy": "Diplomacy",
    "agreements": "Agreements and treaties",
    "sanctions": "Economic sanctions",
    "alliances": "Alliances",
    "military": "Military",
    "arms_control": "Arms control",
    "organizations": "International organizations",
    "humanitarian": "Humanitarian intervention",
    "soft_power": "Soft power",
}

FAMILY_ORDER = tuple(FAMILY_NAMES)

HELP: dict[str, OrderHelp] = {
    "SendMessage": OrderHelp(
        "Send words to one or several states. Private messages are seen only by the recipients; public statements are seen by everyone.",
        "Free: messages do not use one of your actions.",
        "Words are not binding. Others may not believe you, and a public statement ties your hands.",
    ),
    "BackChannel": OrderHelp(
        "Open quiet, unofficial (Track II) talks with one state.",
        "One action. Nothing else.",
        "Small effect: relations improve a little and only the two of you know.",
    ),
    "IssueUltimatum": OrderHelp(
        "Publicly demand something of a state, to be answered by next turn.",
        "One action. Raises tension and hurts relations with the target at once.",
        "Audience costs: if the target defies you and you do not enforce it (sanctions or force), your stability and reputation fall, more so in a democracy.",
        "Not while you already have an ultimatum pending against the same state.",
    ),
    "AnswerUltimatum": OrderHelp(
        "Give in to an ultimatum addressed to you, or defy it.",
        "Free. Giving in costs you domestic support (you backed down) and rewards the issuer.",
        "Defying invites the issuer to enforce its threat with sanctions or force.",
        "Only when another state has given you an ultimatum.",
    ),
    "OfferMediation": OrderHelp(
        "Offer to mediate between two states in a dispute.",
        "One action.",
        "They may decline. If both accept, relations between them improve and tension falls every turn, and your reputation rises.",
        "Only when two other states are in an open dispute.",
    ),
    "AnswerMediation": OrderHelp(
        "Accept or decline a mediator's offer.",
        "Free.",
        "Accepting makes an agreement more likely and cools the crisis; declining may look intransigent.",
        "Only when someone has offered to mediate in your dispute.",
    ),
    "ProposeAgreement": OrderHelp(
        "Propose a treaty to one or several states: an alliance or defense pact, non-aggression, basing, intelligence sharing, joint exercises, arms control, a ceasefire or peace (the form lists those possible now). They answer next turn; it is signed when all accept.",
        "One action. Nothing is lost if they refuse.",
        "Once signed, the terms bind you: breaking a treaty later costs reputation with every state. An arms control cap limits your build-ups.",
        "Ceasefire and peace only with a state you are in a dispute or war with.",
    ),
    "AnswerProposal": OrderHelp(
        "Accept or reject a formal proposal addressed to you.",
        "Free.",
        "Accepting binds you to the treaty's terms once every party has accepted.",
        "Only when another state has sent you a proposal that is still open.",
    ),
    "BreakTreaty": OrderHelp(
        "Withdraw from a treaty you belong to.",
        "One action. Your reputation falls with every state, because each sees how little your word is worth.",
        "Broken obligations also count against your final score.",
        "Only for treaties you are party to.",
    ),
    "ThreatenSanctions": OrderHelp(
        "Warn a state that you will impose trade, asset or financial sanctions unless it changes course.",
        "One action. Relations with the target fall a little.",
        "A threat costs less than imposing, and targets give in more often at this stage. Threats you never carry out make later threats less credible.",
        "Not against a state you are already sanctioning.",
    ),
    "ImposeSanctions": OrderHelp(
        "Impose sanctions: trade restrictions, asset freezes or financial penalties.",
        "One action. Your own economy pays too, more if you trade a lot with the target.",
        "The target suffers more the more it depends on trade with you and your partners, and may give in. Civilians suffer, allies who trade with the target may resent it, and the target may retaliate.",
        "Not if you already impose sanctions on that state.",
    ),
    "JoinSanctions": OrderHelp(
        "Join sanctions that other states have threatened or imposed.",
        "One action. You share the economic cost.",
        "Coalitions hurt the target more than one state alone, but your relations with the target fall.",
        "Only when others are sanctioning a state.",
    ),
    "LiftSanctions": OrderHelp(
        "End your sanctions (or withdraw your threat) without getting a concession.",
        "One action.",
        "Backing down without a concession counts as a retreat.",
        "Only for sanctions you are part of.",
    ),
    "ConcedeToSanctions": OrderHelp(
        "Give in to the sanctions against you: the senders get what they asked for and the sanctions end.",
        "One action. Your domestic support falls because you backed down.",
        "The senders' reputation rises and relations with them improve.",
        "Only when you are the target of sanctions.",
    ),
    "InvokeAlliance": OrderHelp(
        "Call on your allies to defend you against a state that used force against you.",
        "One action.",
        "Allies choose whether to honour the call. Within the treaty's terms (you were attacked) abandoning you costs them dearly; outside the terms they can decline cheaply.",
        "Only after a state has used force against you, and if you have an alliance or defense pact.",
    ),
    "AnswerInvocation": OrderHelp(
        "Answer an ally's call for help: honour the commitment or decline.",
        "Free. Honouring costs some economy, sours your relations with the attacker and may draw you into the war.",
        "Declining a call within the treaty's terms is a broken obligation: reputation with every state falls and the alliance ends. Silence counts as declining.",
        "Only when an ally has invoked a treaty with you.",
    ),
    "MobilizeForces": OrderHelp(
        "Show of force: move forces to signal resolve against a state.",
        "One action. A little economy; tension rises and relations with the target fall.",
        "Opens a militarized dispute. If the other side answers with force, a clash can escalate to war.",
    ),
    "Attack": OrderHelp(
        "Use military force against a state.",
        "One action. Losses on both sides; without a Security Council authorization your reputation and relations with everyone fall.",
        "The most dangerous move. Disputes become wars almost only when the target fights back; in war the stronger side usually, but not always, wins. The target's allies may be called in.",
    ),
    "BuildUp": OrderHelp(
        "Build up your military capability.",
        "One action. Costs a share of your economy; tension rises.",
        "If a rival builds up too, an arms race raises the chance that a clash turns into war.",
        "Not beyond the cap of an arms control treaty you have signed.",
    ),
    "Disarm": OrderHelp(
        "Reduce your forces.",
        "One action. You lose some capability, your economy gains a little.",
        "Lowers tension, but makes you weaker if the crisis turns violent.",
        "Not when your forces are already minimal.",
    ),
    "ProxySupport": OrderHelp(
        "Secretly support the armed opponents of a state's government (arms, money, training).",
        "One action and a little of your economy.",
        "The target's stability falls. Covert support is often exposed; then relations with the target and your reputation fall, and tension rises.",
    ),
    "CheatOnArmsControl": OrderHelp(
        "Secretly build forces beyond your arms control cap.",
        "One action.",
        "You may be caught: the better the verification, the likelier. Being caught wrecks trust and raises tension.",
        "Only when you are party to an arms control treaty.",
    ),
    "RequestInspection": OrderHelp(
        "Ask for an inspection of another member of an arms control treaty.",
        "One action.",
        "Raises the chance of catching a cheat. A clean report raises the inspected state's reputation.",
        "Only when you are party to an arms control treaty.",
    ),
    "TableResolution": OrderHelp(
        "Table a Security Council draft: condemn a state, sanction it, authorize force against it, or send peacekeepers. It is voted on next turn.",
        "One action.",
        "Adoption needs 9 of the 15 votes and no 'no' from a permanent member (a veto); abstaining does not block. A failed draft costs the sponsor a little reputation.",
        "Only for members of the Security Council.",
    ),
    "CastVote": OrderHelp(
        "Vote yes, no or abstain on a draft resolution.",
        "Free.",
        "A permanent member's 'no' is a veto. How you vote is public and affects relations.",
        "Only for Security Council members, when a draft tabled last turn is put to the vote.",
    ),
    "RegionalAppeal": OrderHelp(
        "Ask a regional organization you belong to to condemn a state.",
        "One action.",
        "If it agrees, the target's reputation and relations with the members fall; it may decline.",
        "Only for members of a regional organization.",
    ),
    "Intervene": OrderHelp(
        "Send forces to protect a population at risk (Responsibility to Protect).",
        "One action. Military effort; if it fails you take losses and lose stability.",
        "Lives can be saved; stronger forces and a Security Council authorization make success likelier. Without authorization your reputation falls and relations with the host state (and any perpetrator) worsen.",
        "Only when a population is at risk.",
    ),
    "PublicDiplomacy": OrderHelp(
        "Run a public diplomacy campaign aimed at another state's public.",
        "One action.",
        "Slow, small gains: relations improve and your reputation rises a little.",
    ),
    "CulturalExchange": OrderHelp(
        "Hold cultural and educational exchanges with another state.",
        "One action.",
        "Slow, small gains in relations.",
    ),
    "SendAid": OrderHelp(
        "Send economic aid to another state.",
        "One action. It costs your economy.",
        "The recipient's economy and stability improve; relations and your reputation rise.",
    ),
}

DEFAULT_HELP = OrderHelp("", "", "")


def help_for(kind: str) -> OrderHelp:
    return HELP.get(kind, DEFAULT_HELP)


def family_name(family: str) -> str:
    return FAMILY_NAMES.get(family, family.replace("_", " ").capitalize())
