/**
 * Mantine's anchor, nav link and button as links of the router: typed
 * destinations (`to="/cases/$id" params={{ id }}`), hash URLs, and every
 * click goes through the router, so the unsaved-changes guard sees it.
 */
import { Anchor, Button, NavLink, type AnchorProps, type ButtonProps, type NavLinkProps } from '@mantine/core';
import { createLink } from '@tanstack/react-router';
import type { AnchorHTMLAttributes, Ref } from 'react';

type A = AnchorHTMLAttributes<HTMLAnchorElement> & { ref?: Ref<HTMLAnchorElement> };

export const AnchorLink = createLink((props: AnchorProps & A) => <Anchor component="a" {...props} />);
export const NavLinkLink = createLink((props: NavLinkProps & A) => <NavLink component="a" {...props} />);
export const ButtonLink = createLink((props: ButtonProps & A) => <Button component="a" {...props} />);
