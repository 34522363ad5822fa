from venvtour.cli import main

main()
