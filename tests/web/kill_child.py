"""Run in a child process by test_publication_survives_kill.py (not a test module).

python kill_child.py prepare   # migrate, load the demo, make a publishable draft; prints its id
python kill_child.py publish ID STEP  # publish it, pausing after STEP (a function of the
                                      # service, or "after" the commit): the parent kills it
python kill_child.py inspect ID  # prints the draft's state as JSON
"""

import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registre.web.settings")


def prepare() -> None:
    import datetime as dt

    from django.core.management import call_command

    from registre.web.register.demo import load_demo
    from registre.web.register.models import Attendance, Council, Deliberation, Item, Meeting, Member

    call_command("migrate", verbosity=0)
    demo = load_demo()
    council = Council.objects.create(authority=demo["authority"], name="Bureau")
    members = [Member.objects.create(council=council, first_name="Élu", last_name=f"M{n}") for n in range(3)]
    meeting = Meeting.objects.create(council=council, date=dt.date(2021, 11, 4), members_in_office=3)
    for member in members:
        Attendance.objects.create(meeting=meeting, member=member, present=True)
    item = Item.objects.create(meeting=meeting, number=1, position=1, title="Voirie", unanimous=True)
    draft = Deliberation.objects.create(
        authority=demo["authority"], item=item, title="Voirie", actes_code="8.3"
    )
    print(draft.pk, flush=True)


def publish(pk: int, pause: str) -> None:
    from registre.web.register import services
    from registre.web.register.models import Deliberation

    def wait_for_the_kill() -> None:
        print("PAUSE", flush=True)
        time.sleep(120)

    if pause != "after":
        original = getattr(services, pause)

        def paused(*args, **kwargs):
            result = original(*args, **kwargs)
            wait_for_the_kill()  # its part is written, the publication's transaction still open
            return result

        setattr(services, pause, paused)
    services.publish(Deliberation.objects.get(pk=pk))
    wait_for_the_kill()  # "after": published and committed


def inspect(pk: int) -> None:
    from registre.web.register.models import Deliberation, PublishedAct

    deliberation = Deliberation.objects.get(pk=pk)
    print(
        json.dumps(
            {
                "status": deliberation.status,
                "number": deliberation.number,
                "acts": PublishedAct.objects.filter(deliberation=deliberation).count(),
                "all_acts": PublishedAct.objects.count(),
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    import django

    django.setup()
    command = sys.argv[1]
    if command == "prepare":
        prepare()
    elif command == "publish":
        publish(int(sys.argv[2]), sys.argv[3])
    else:
        inspect(int(sys.argv[2]))
