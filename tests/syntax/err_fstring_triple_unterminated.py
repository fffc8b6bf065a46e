x = f"""abc

