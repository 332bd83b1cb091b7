from lardesk.cli import main

raise SystemExit(main())
