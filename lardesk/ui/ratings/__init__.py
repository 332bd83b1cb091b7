"""The ratings step (issue 5): entering the personal assessments, the spread, the joint assessment."""
