from restitution.cli import main

main()
