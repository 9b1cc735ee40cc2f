from restitution.cli import run

run()
